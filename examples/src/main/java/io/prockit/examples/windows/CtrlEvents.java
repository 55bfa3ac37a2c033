package io.prockit.examples.windows;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Os;
import io.prockit.Signal;
import io.prockit.examples.Platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Seeds 002/003, {@code os.kill} on Windows: "{@code signal.CTRL_C_EVENT} and
 * {@code signal.CTRL_BREAK_EVENT} are special signals which can only be sent to console processes
 * which share a common console window, e.g., some subprocesses. Any other value for sig will cause
 * the process to be unconditionally killed by the TerminateProcess API, and the exit code will be
 * set to sig." Availability: Windows.
 *
 * <pre>{@code
 * p = subprocess.Popen(['ping', '-n', '30', '127.0.0.1'],
 *                      creationflags=subprocess.CREATE_NEW_PROCESS_GROUP)
 * os.kill(p.pid, signal.CTRL_BREAK_EVENT)
 * }</pre>
 *
 * <p>The child gets its own process group ({@link Command#newProcessGroup()}), so the events go to
 * it and not to this JVM. Windows disables Ctrl+C in a new process group, so {@code CTRL_C_EVENT}
 * is shown to be ignored there; {@code CTRL_BREAK_EVENT} ends it. Then a second child is ended with
 * {@code os.kill(pid, 3)}: {@code TerminateProcess} with exit code 3.
 */
public final class CtrlEvents {
    private CtrlEvents() {
    }

    /**
     * Sends the console events to a child in its own process group.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        if (!Platform.isWindows()) {
            System.out.println("ctrl-events needs Windows; this is " + System.getProperty("os.name") + ".");
            return;
        }
        try (Child ping = Command.of("ping", "-n", "30", "127.0.0.1").stdout(io.prockit.Stdio.discard())
                .newProcessGroup().spawn()) {
            try {
                Os.kill(ping.pid(), Signal.of("CTRL_C_EVENT").number());
                Optional<?> ended = ping.waitFor(Duration.ofSeconds(1));
                System.out.println("CTRL_C_EVENT to a new process group: " + (ended.isPresent()
                        ? "child ended with " + ended.get() : "ignored (Ctrl+C is disabled in a new group)"));
                if (ended.isEmpty()) {
                    Os.kill(ping.pid(), Signal.of("CTRL_BREAK_EVENT").number());
                    System.out.println("CTRL_BREAK_EVENT: child ended with " + ping.waitFor());
                }
            } finally {
                ping.kill();
                ping.waitFor();
            }
        }
        try (Child ping = Command.of("ping", "-n", "30", "127.0.0.1").stdout(io.prockit.Stdio.discard()).spawn()) {
            Os.kill(ping.pid(), 3);
            System.out.println("os.kill(pid, 3): child ended with " + ping.waitFor());
        }
    }
}
