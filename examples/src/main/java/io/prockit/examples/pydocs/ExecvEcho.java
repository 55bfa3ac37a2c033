package io.prockit.examples.pydocs;

import io.prockit.ExitStatus;
import io.prockit.JavaChild;
import io.prockit.Os;

import java.util.List;

/**
 * Seeds 000/002, Python docs, {@code exec*()}: "{@code os.execv('/bin/echo', ['foo', 'bar'])} will
 * only print {@code bar} on standard output; {@code foo} will seem to be ignored."
 *
 * <pre>{@code
 * os.execv('/bin/echo', ['foo', 'bar'])
 * }</pre>
 *
 * <p>The first element of the argument list is the name the program sees as its {@code argv[0]},
 * not an argument. {@link Os#execv} replaces the calling process — here the whole JVM — so the
 * example makes the call in a child JVM ({@link JavaChild} running {@link Replaced#main}): that JVM
 * becomes {@code /bin/echo} under the same pid, which prints {@code bar}, and the example waits for it.
 */
public final class ExecvEcho {
    private ExecvEcho() {
    }

    /**
     * Starts a JVM that replaces itself with {@code /bin/echo} ({@code argv = ["foo", "bar"]}) and waits for it.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        ExitStatus status = JavaChild.of(Replaced.class).command().status();
        if (!status.success()) {
            throw new IllegalStateException("the child JVM did not become /bin/echo: " + status);
        }
    }

    /** The seed's program: one call that does not return. */
    public static final class Replaced {
        private Replaced() {
        }

        /**
         * Replaces this JVM with {@code /bin/echo}.
         *
         * @param args unused
         */
        public static void main(String[] args) {
            Os.execv("/bin/echo", List.of("foo", "bar"));
        }
    }
}
