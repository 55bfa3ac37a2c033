package io.prockit.posix.hardening;

import io.prockit.Command;
import io.prockit.Stdio;

import java.util.Map;

/**
 * The middle JVM of {@link SecurityTest}: it was started with loader variables in its own
 * environment, and runs {@code /usr/bin/env} with a replaced environment of exactly {@code A=1},
 * its stdout and stderr on this JVM's stdout. Exits with env's exit code.
 */
public final class EnvRelayMain {
    private EnvRelayMain() {
    }

    /**
     * @param args none
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int code = Command.of("/usr/bin/env").environment(Map.of("A", "1"))
                .stdin(Stdio.discard()).stderr(Stdio.toStdout()).status().code().orElse(-1);
        System.exit(code);
    }
}
