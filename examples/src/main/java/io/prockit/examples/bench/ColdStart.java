package io.prockit.examples.bench;

import io.prockit.Command;

/**
 * The fresh JVM of {@code bench cold}: times its first spawn+wait of {@code /bin/true}, through prockit
 * ({@code prockit}) or the JDK ({@code jdk}), and prints {@code first_us <microseconds>}. Everything the
 * first call loads (prockit's backend, JNA and libc; the JDK's process classes and jspawnhelper) is
 * inside the measurement.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /**
     * @param args {@code prockit} or {@code jdk}
     * @throws Exception if the spawn fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !(args[0].equals("prockit") || args[0].equals("jdk"))) {
            System.err.println("usage: ColdStart prockit|jdk");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        if (args[0].equals("prockit")) {
            Command.of(SpawnBench.PROGRAM).status();
        } else {
            new ProcessBuilder(SpawnBench.PROGRAM).inheritIO().start().waitFor();
        }
        long us = (System.nanoTime() - t0) / 1000;
        System.out.println("first_us " + us);
    }
}
