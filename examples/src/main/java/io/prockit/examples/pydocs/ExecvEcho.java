package io.prockit.examples.pydocs;

import io.prockit.Command;
import io.prockit.ExitStatus;

/**
 * Seeds 000/002, Python docs, {@code exec*()}: "{@code os.execv('/bin/echo', ['foo', 'bar'])} will
 * only print {@code bar} on standard output; {@code foo} will seem to be ignored."
 *
 * <pre>{@code
 * os.execv('/bin/echo', ['foo', 'bar'])
 * }</pre>
 *
 * <p>The first element of the argument list is the name the program sees as its {@code argv[0]},
 * not an argument. {@code execv} would replace this JVM, so the port runs the same program with
 * the same argument vector as a child: {@code argv0("foo")} sets its {@code argv[0]}.
 */
public final class ExecvEcho {
    private ExecvEcho() {
    }

    /**
     * Runs {@code /bin/echo} with {@code argv = ["foo", "bar"]}.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        ExitStatus status = new Command("/bin/echo").argv0("foo").arg("bar").status();
        if (!status.success()) {
            throw new IllegalStateException("/bin/echo failed: " + status);
        }
    }
}
