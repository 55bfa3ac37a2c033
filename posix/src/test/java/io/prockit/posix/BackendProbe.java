package io.prockit.posix;

import io.prockit.Command;

/** Run in a child JVM by {@link FatJarDiscoveryTest}: prints the chosen backend, or the error. */
public final class BackendProbe {
    private BackendProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.out.println("backend=" + (io.prockit.Signal.SIGCHLD.isSupported() ? "posix" : "not posix"));
            System.out.println("echo=" + Command.of("sh", "-c", "echo ok").output().stdoutText().strip());
        } catch (UnsupportedOperationException e) {
            System.out.println("error=" + e.getMessage());
        }
    }
}
