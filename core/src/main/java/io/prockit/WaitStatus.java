package io.prockit;

import io.prockit.internal.Backends;
import io.prockit.spi.StatusCodec;

/**
 * A raw wait status (what {@code waitpid} stores) decoded by the running platform's rules.
 *
 * <p>The encoding differs between systems: Linux reports "continued" as {@code 0xffff}, macOS
 * as {@code 0x137f}, which on Linux means "stopped by SIGSTOP". {@link #decode(long)} asks the
 * running backend, so the same call is right on both.
 *
 * <pre>{@code
 * WaitResult r = Os.waitpid(pid, Os.WUNTRACED);
 * switch (WaitStatus.decode(r.status())) {
 *     case WaitStatus.Exited e   -> System.out.println("exit " + e.code());
 *     case WaitStatus.Signaled s -> System.out.println("killed by " + s.signal());
 *     case WaitStatus.Stopped s  -> System.out.println("stopped by " + s.signal());
 *     case WaitStatus.Continued c -> System.out.println("continued");
 * }
 * }</pre>
 *
 * <p>Platform notes: on Windows a status is the exit code shifted left by 8 bits, as Python
 * documents, and always decodes as {@link Exited}.
 *
 * <p>Availability: all platforms; decoding follows the running OS's encoding.
 */
public sealed interface WaitStatus
        permits WaitStatus.Exited, WaitStatus.Signaled, WaitStatus.Stopped, WaitStatus.Continued {

    /**
     * Decodes a raw status by the running platform's rules.
     *
     * @param status the raw status from {@code waitpid}, {@code wait4}, {@code system}
     * @return the decoded status
     * @throws IllegalArgumentException if the value is no status the platform produces
     */
    static WaitStatus decode(long status) {
        StatusCodec c = Backends.get().statusCodec();
        if (c.ifExited(status)) {
            return new Exited(c.exitStatus(status));
        }
        if (c.ifSignaled(status)) {
            return new Signaled(Signal.of(c.termSig(status)), c.coreDump(status));
        }
        if (c.ifStopped(status)) {
            return new Stopped(Signal.of(c.stopSig(status)));
        }
        if (c.ifContinued(status)) {
            return new Continued();
        }
        throw new IllegalArgumentException("not a wait status on " + Backends.get().platformName() + ": 0x"
                + Long.toHexString(status));
    }

    /**
     * The process exited.
     *
     * @param code its exit code
     */
    record Exited(int code) implements WaitStatus {
    }

    /**
     * A signal ended the process.
     *
     * @param signal     the signal
     * @param coreDumped whether a core dump was written
     */
    record Signaled(Signal signal, boolean coreDumped) implements WaitStatus {
    }

    /**
     * The process was stopped (reported under {@code WUNTRACED}).
     *
     * @param signal the signal that stopped it
     */
    record Stopped(Signal signal) implements WaitStatus {
    }

    /** The stopped process was continued (reported under {@code WCONTINUED}). */
    record Continued() implements WaitStatus {
    }
}
