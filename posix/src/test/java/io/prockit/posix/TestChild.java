package io.prockit.posix;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The tests' own child program. Each argument is one action, run in order:
 * {@code echo:TEXT}, {@code exit:N}, {@code sleep:MS}, {@code cat} (stdin to stdout), {@code env:NAME},
 * {@code envall}, {@code cwd}, {@code pid}, {@code ppid}, {@code ids} (pid pgid sid through getpgid and getsid),
 * {@code fds} (open fds from /dev/fd, the directory's own fd excluded), {@code sigs}
 * (SigBlk and SigIgn from /proc/self/status: Linux only), {@code stderr:TEXT}, {@code cmdline} (argv from
 * the process table, printed one per line).
 */
public final class TestChild {
    private TestChild() {
    }

    public static void main(String[] args) throws Exception {
        OutputStream out = System.out;
        for (String a : args) {
            int colon = a.indexOf(':');
            String verb = colon < 0 ? a : a.substring(0, colon);
            String arg = colon < 0 ? "" : a.substring(colon + 1);
            switch (verb) {
                case "echo" -> System.out.println(arg);
                case "stderr" -> System.err.println(arg);
                case "exit" -> {
                    System.out.flush();
                    System.exit(Integer.parseInt(arg));
                }
                case "sleep" -> Thread.sleep(Long.parseLong(arg));
                case "cat" -> {
                    System.out.flush();
                    InputStream in = System.in;
                    byte[] buf = new byte[65536];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        out.write(buf, 0, n);
                    }
                    out.flush();
                }
                case "env" -> System.out.println(String.valueOf(System.getenv(arg)));
                case "envall" -> {
                    for (Map.Entry<String, String> e : new TreeMap<>(System.getenv()).entrySet()) {
                        System.out.println(e.getKey() + "=" + e.getValue());
                    }
                }
                case "cwd" -> System.out.println(Path.of("").toAbsolutePath());
                case "pid" -> System.out.println(ProcessHandle.current().pid());
                case "ppid" -> System.out.println(ProcessHandle.current().parent().map(p -> p.pid()).orElse(-1L));
                case "ids" -> {
                    System.out.println(ProcessHandle.current().pid() + " " + io.prockit.Os.getpgid(0) + " "
                            + io.prockit.Os.getsid(0));
                }
                case "fds" -> System.out.println(String.join(" ", openFds()));
                case "sigs" -> {
                    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) { // os-scan: Linux only
                        if (line.startsWith("SigBlk:") || line.startsWith("SigIgn:")) {
                            System.out.println(line.replace("\t", " "));
                        }
                    }
                }
                case "cmdline" -> {
                    for (String s : io.prockit.ProcessTable.self().cmdline()) {
                        System.out.println(s);
                    }
                }
                default -> throw new IllegalArgumentException("unknown action: " + a);
            }
        }
        System.out.flush();
    }

    /** @return {pgid, sid} from a /proc/PID/stat file (fields 5 and 6, after the parenthesised comm): Linux only. */
    static int[] procStatIds(String file) throws IOException {
        // readAllLines, not readString: procfs reports size 0 and readString may stop short
        String s = Files.readAllLines(Path.of(file)).get(0);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        // f[0] state, f[1] ppid, f[2] pgrp, f[3] session
        return new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])};
    }

    private static List<String> openFds() throws IOException {
        // A JVM opens many fds of its own (the jar files, the jimage...), so only 0..2 and those
        // inherited matter. Inherited fds are found by their target: a JVM's own files are its
        // class path, modules file, /dev/random etc. The list is printed as fd->target for the test.
        List<String> r = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/dev/fd"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    // Linux: a link to what is open; macOS (fdesc): no link, so only the number
                    r.add(Files.isSymbolicLink(p) ? p.getFileName() + "->" + Files.readSymbolicLink(p)
                            : p.getFileName().toString());
                } catch (IOException gone) {
                    // the directory stream's own fd, closed by now
                }
            }
        }
        return r;
    }
}
