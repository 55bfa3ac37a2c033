package io.prockit.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this JVM looks like from {@code /proc/self/status}: resident memory and thread count (Linux). */
final class Procfs {
    private Procfs() {
    }

    /** @return VmRSS in kB, or -1 where {@code /proc} is absent */
    static long rssKb() {
        return field("VmRSS:");
    }

    /** @return the number of threads of this process (all of them, not only Java's), or -1 */
    static long threads() {
        return field("Threads:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** @return how many live threads of this JVM have a name starting with {@code prockit} */
    static int prockitThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("prockit")) {
                n++;
            }
        }
        return n;
    }
}
