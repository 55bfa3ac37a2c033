package io.prockit.examples.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code bench}.
 *
 * @param what         spawn, concurrent, pipe, table, cold or all
 * @param n            spawns per method and round ({@code --n})
 * @param rounds       interleaved rounds ({@code --rounds})
 * @param children     children alive at once without pipes ({@code --children})
 * @param pipeChildren children alive at once with three pipes each ({@code --pipe-children})
 * @param bytes        bytes the child writes in the pipe test ({@code --bytes}, suffixes K, M, G)
 * @param tableReps    listings per method and round ({@code --table-reps})
 * @param out          where the CSV and PNG go ({@code --out})
 */
record Options(String what, int n, int rounds, int children, int pipeChildren, long bytes, int tableReps, Path out) {
    static final Set<String> SUBCOMMANDS = Set.of("spawn", "concurrent", "pipe", "table", "cold", "tools",
            "all");

    static final String USAGE = String.join("\n",
            "usage: bench SUBCOMMAND [options]     (bench alone prints this help)",
            "  spawn       spawn+wait of /bin/true: C posix_spawn, prockit, the JDK, NuProcess",
            "  concurrent  many children alive at once: C loops and prockit (RSS, threads)",
            "  pipe        a child's stdout through a pipe: cat, prockit, the JDK",
            "  table       listing the process table: prockit, the JDK, psutil",
            "  cold        the first spawn in a fresh JVM (with and without AppCDS)",
            "  tools       pgrep -f NAME from the bin/prockit launcher against procps pgrep (wall time)",
            "  all         every one of the above (minutes)",
            "options:",
            "  --n N               spawn+wait of /bin/true per method and round (default 2000)",
            "  --rounds R          interleaved rounds (default 3; concurrent: the C loops and prockit, the rest once; cold 3 fresh JVMs per round; tools 20 runs each per round)",
            "  --children K        children of sleep alive at once, no pipes (default 1000)",
            "  --pipe-children K   children alive at once with three pipes each (default 1000, at most --children)",
            "  --bytes SIZE        bytes a child writes to its stdout pipe (default 1G; K, M, G suffixes)",
            "  --table-reps R      process-table listings per method and round (default 5)",
            "  --out DIR           directory for results.csv, series.csv and bench.png (default bench-results)");

    static Options defaults() {
        return new Options("all", 2000, 3, 1000, 1000, 1L << 30, 5, Path.of("bench-results"));
    }

    /**
     * @param args the arguments after {@code bench}
     * @return the options
     * @throws IllegalArgumentException naming the bad argument
     */
    static Options parse(List<String> args) {
        Options d = defaults();
        String what = d.what();
        int n = d.n();
        int rounds = d.rounds();
        int children = d.children();
        Integer pipeChildren = null;
        long bytes = d.bytes();
        int tableReps = d.tableReps();
        Path out = d.out();
        boolean sawWhat = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                if (sawWhat || !SUBCOMMANDS.contains(a)) {
                    throw new IllegalArgumentException("unknown subcommand: " + a);
                }
                what = a;
                sawWhat = true;
                continue;
            }
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("missing value for " + a);
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--n" -> n = positive(name, value);
                case "--rounds" -> rounds = positive(name, value);
                case "--children" -> children = positive(name, value);
                case "--pipe-children" -> pipeChildren = positive(name, value);
                case "--bytes" -> bytes = size(value);
                case "--table-reps" -> tableReps = positive(name, value);
                case "--out" -> {
                    if (value.isEmpty()) {
                        throw new IllegalArgumentException("empty value for --out");
                    }
                    out = Path.of(value);
                }
                default -> throw new IllegalArgumentException("unknown option: " + name);
            }
        }
        int pc = Math.min(children, pipeChildren == null ? d.pipeChildren() : pipeChildren);
        return new Options(what, n, rounds, children, pc, bytes, tableReps, out);
    }

    private static int positive(String name, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a positive integer, not: " + value);
    }

    /**
     * @param value a byte count with an optional K, M or G suffix (powers of 1024)
     * @return the count
     */
    static long size(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (v.endsWith("K") || v.endsWith("M") || v.endsWith("G")) {
            unit = switch (v.charAt(v.length() - 1)) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                default -> 1L << 30;
            };
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v);
            if (n > 0 && n <= Long.MAX_VALUE / unit) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--bytes needs a positive size such as 256M or 1G, not: " + value);
    }

    boolean runs(String section) {
        return what.equals("all") || what.equals(section);
    }
}
