package io.prockit.examples.tools;

import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.ProcessInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fields procps shows that {@link ProcessInfo} does not carry (effective and real ids, process group,
 * session, controlling terminal, nice, the state flags of {@code ps}'s STAT column). Read from
 * {@code /proc/PID/stat} and {@code /proc/PID/status} on Linux; elsewhere the process group and session
 * come from {@link Os#getpgid} / {@link Os#getsid} (POSIX), the effective uid is taken to be the real
 * one, and the terminal is unknown. Tool code, not API: the library's table stays portable.
 *
 * @param pid   the process
 * @param ruid  real uid, -1 when unknown
 * @param euid  effective uid, -1 when unknown
 * @param rgid  real gid, -1 when unknown
 * @param pgid  process group, -1 when unknown
 * @param sid   session, -1 when unknown
 * @param ttyNr the controlling terminal's device number ({@code tty_nr}), 0 for none, -1 when unknown
 * @param tpgid the terminal's foreground process group, -1 when none or unknown
 * @param nice  the nice value, 0 when unknown
 * @param vszKib virtual size in KiB, -1 when unknown
 * @param locked true when the process has pages locked in memory
 * @param rssKib resident set in KiB as {@code VmRSS} counts it (exact, where {@code stat} and {@code statm}
 *               give the kernel's per-cpu approximation), 0 for kernel threads, -1 when unknown
 */
record ProcFields(int pid, int ruid, int euid, int rgid, int pgid, int sid, int ttyNr, int tpgid, int nice,
                  long vszKib, boolean locked, long rssKib) {

    static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT)
            .contains("linux");
    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT)
            .startsWith("windows");

    /** @return whether this OS tells the controlling terminal (for {@code -t} and the TTY column) */
    static boolean knowsTerminals() {
        return LINUX;
    }

    /**
     * Reads the fields of one process; a process gone or unreadable gives what could be read.
     *
     * @param p the process
     * @return its fields
     */
    static ProcFields of(ProcessInfo p) {
        if (LINUX) {
            Optional<ProcFields> f = linux(p.pid());
            if (f.isPresent()) {
                return f.get();
            }
        }
        OptionalInt uid = p.orElse(ProcessInfo::uid, OptionalInt.empty());
        int u = uid.orElse(-1);
        int pgid = -1;
        int sid = -1;
        if (!WINDOWS) {
            try {
                pgid = Os.getpgid(p.pid());
                sid = Os.getsid(p.pid());
            } catch (OsException | UnsupportedOperationException e) {
                // gone or not permitted: unknown
            }
        }
        return new ProcFields(p.pid(), u, u, -1, pgid, sid, -1, -1, 0, -1, false, -1);
    }

    private static Optional<ProcFields> linux(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"), StandardCharsets.UTF_8);
            // The name in parentheses may hold spaces and parentheses: the fields start after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state) of proc(5): field n is f[n - 3].
            int pgid = Integer.parseInt(f[2]);
            int sid = Integer.parseInt(f[3]);
            int ttyNr = Integer.parseInt(f[4]);
            int tpgid = Integer.parseInt(f[5]);
            int nice = Integer.parseInt(f[16]);
            long vsz = Long.parseLong(f[20]) / 1024;
            int ruid = -1;
            int euid = -1;
            int rgid = -1;
            boolean locked = false;
            long rss = 0;
            List<String> status = Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"),
                    StandardCharsets.UTF_8);
            for (String line : status) {
                if (line.startsWith("Uid:")) {
                    String[] u = line.substring(4).trim().split("\\s+");
                    ruid = Integer.parseInt(u[0]);
                    euid = Integer.parseInt(u[1]);
                } else if (line.startsWith("Gid:")) {
                    rgid = Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
                } else if (line.startsWith("VmLck:")) {
                    locked = !line.substring(6).trim().startsWith("0 ");
                } else if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return Optional.of(new ProcFields(pid, ruid, euid, rgid, pgid, sid, ttyNr, tpgid, nice, vsz, locked,
                    rss));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone since it was listed, or unreadable
        }
    }

    /**
     * The terminal's name as procps prints it ({@code pts/3}, {@code tty1}, {@code ttyS0}), {@code ?} for none.
     *
     * @return the name
     */
    String tty() {
        if (ttyNr <= 0) {
            return "?";
        }
        int major = (ttyNr >>> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >>> 12) & 0xfff00);
        if (major >= 136 && major <= 143) {
            return "pts/" + (minor + (major - 136) * 256);
        }
        if (major == 4) {
            return minor < 64 ? "tty" + minor : "ttyS" + (minor - 64);
        }
        if (major == 5 && minor == 1) {
            return "console";
        }
        return major + "," + minor;
    }

    /** User names by uid and uids by name, from {@code /etc/passwd} and what the process table tells. */
    static final class Users {
        private final Map<Integer, String> names = new HashMap<>();
        private final Map<String, Integer> ids = new HashMap<>();

        Users() {
            try {
                for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                    String[] f = line.split(":");
                    if (f.length > 2 && !line.startsWith("#")) {
                        try {
                            int id = Integer.parseInt(f[2]);
                            names.putIfAbsent(id, f[0]);
                            ids.putIfAbsent(f[0], id);
                        } catch (NumberFormatException ignored) {
                            // not a passwd line
                        }
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // no /etc/passwd (Windows, or a directory service only): the table's names are used
            }
        }

        /**
         * @param uid a uid
         * @param p   a process owned by it whose table entry may name it, or null
         * @return its name, the number as text when none is known
         */
        String name(int uid, ProcessInfo p) {
            String n = names.get(uid);
            if (n != null) {
                return n;
            }
            if (p != null && p.orElse(ProcessInfo::uid, OptionalInt.empty()).orElse(-2) == uid) {
                return p.orElse(ProcessInfo::username, Integer.toString(uid));
            }
            return Integer.toString(uid);
        }

        /**
         * @param user  a name or a number
         * @param table processes whose owners may name it when the passwd file does not
         * @return its uid, or empty when nobody of that name is known
         */
        OptionalInt id(String user, List<ProcessInfo> table) {
            if (!user.isEmpty() && user.chars().allMatch(Character::isDigit)) {
                try {
                    return OptionalInt.of(Integer.parseInt(user));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
            Integer id = ids.get(user);
            if (id != null) {
                return OptionalInt.of(id);
            }
            for (ProcessInfo p : table) {
                OptionalInt uid = p.orElse(ProcessInfo::uid, OptionalInt.empty());
                if (uid.isPresent() && user.equals(p.orElse(ProcessInfo::username, null))) {
                    return uid;
                }
            }
            return OptionalInt.empty();
        }
    }
}
