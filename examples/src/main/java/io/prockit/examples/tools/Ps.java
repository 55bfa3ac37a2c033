package io.prockit.examples.tools;

import io.prockit.CpuTimes;
import io.prockit.MemoryInfo;
import io.prockit.ProcessInfo;
import io.prockit.ProcessState;
import io.prockit.ProcessTable;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code ps}: every process with pid, ppid, user, start, state, cpu time, rss and command line
 * (psutil's {@code scripts/ps.py}); {@code --json} prints one JSON array instead.
 *
 * <pre>{@code
 * java -jar prockit-examples.jar ps
 * java -jar prockit-examples.jar ps --json
 * }</pre>
 *
 * <p>Fields the caller may not read show as {@code ?} ({@code null} in JSON). Platform notes: on
 * Windows the user column is {@code DOMAIN\\user}.
 */
public final class Ps {
    private Ps() {
    }

    /**
     * @param args {@code [--json]}
     * @param out  where the table goes
     * @param err  where errors go
     * @return 0, or {@code EX_USAGE} for bad arguments
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        for (String a : args) {
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println(usage());
                return 0;
            } else {
                err.println("ps: unknown argument \"" + a + "\"");
                err.println(usage());
                return ToolSupport.exUsage();
            }
        }
        List<ProcessInfo> all = ProcessTable.list();
        if (json) {
            printJson(all, out);
        } else {
            printTable(all, out);
        }
        out.flush();
        return 0;
    }

    static String usage() {
        return "usage: ps [--json]";
    }

    private static String start(Instant t) {
        ZonedDateTime z = t.atZone(ZoneId.systemDefault());
        return z.toLocalDate().equals(LocalDate.now()) ? z.format(DateTimeFormatter.ofPattern("HH:mm"))
                : z.format(DateTimeFormatter.ofPattern("MMMdd"));
    }

    private static String cpu(Duration d) {
        long s = d.getSeconds();
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static void printTable(List<ProcessInfo> all, PrintStream out) {
        out.printf("%7s %7s %-10s %-5s %-5s %8s %10s %s%n", "PID", "PPID", "USER", "START", "STAT", "TIME", "RSS(KiB)",
                "COMMAND");
        for (ProcessInfo p : all) {
            String user = p.orElse(ProcessInfo::username, "?");
            if (user.length() > 10) {
                user = user.substring(0, 9) + "+";
            }
            ProcessState st = p.orElse(ProcessInfo::state, ProcessState.UNKNOWN);
            CpuTimes ct = p.orElse(ProcessInfo::cpuTimes, null);
            MemoryInfo mem = p.orElse(ProcessInfo::memory, null);
            out.printf("%7d %7d %-10s %-5s %-5s %8s %10s %s%n", p.pid(), p.ppid(), user, start(p.createTime()),
                    st.code(), ct == null ? "?" : cpu(ct.total()), mem == null ? "?" : Long.toString(mem.rss() / 1024),
                    ToolSupport.commandLine(p));
        }
    }

    private static void printJson(List<ProcessInfo> all, PrintStream out) {
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (ProcessInfo p : all) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            String user = p.orElse(ProcessInfo::username, null);
            ProcessState st = p.orElse(ProcessInfo::state, ProcessState.UNKNOWN);
            CpuTimes ct = p.orElse(ProcessInfo::cpuTimes, null);
            MemoryInfo mem = p.orElse(ProcessInfo::memory, null);
            List<String> argv = p.orElse(ProcessInfo::cmdline, null);
            sb.append("  {\"pid\": ").append(p.pid())
                    .append(", \"ppid\": ").append(p.ppid())
                    .append(", \"name\": ").append(ToolSupport.json(p.orElse(ProcessInfo::name, "?")))
                    .append(", \"user\": ").append(user == null ? "null" : ToolSupport.json(user))
                    .append(", \"start\": ").append(ToolSupport.json(p.createTime().toString()))
                    .append(", \"state\": ").append(ToolSupport.json(st.name().toLowerCase(java.util.Locale.ROOT)))
                    .append(", \"cpu_user\": ").append(ct == null ? "null" : seconds(ct.user()))
                    .append(", \"cpu_system\": ").append(ct == null ? "null" : seconds(ct.system()))
                    .append(", \"rss\": ").append(mem == null ? "null" : Long.toString(mem.rss()))
                    .append(", \"vms\": ").append(mem == null ? "null" : Long.toString(mem.vms()))
                    .append(", \"cmdline\": ");
            if (argv == null) {
                sb.append("null");
            } else {
                sb.append('[');
                for (int i = 0; i < argv.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(ToolSupport.json(argv.get(i)));
                }
                sb.append(']');
            }
            sb.append('}');
        }
        sb.append("\n]");
        out.println(sb);
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    /**
     * @param args as {@link #run}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
