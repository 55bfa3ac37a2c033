package io.prockit.posix.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.ResourceUsage;
import io.prockit.Wait4Result;
import io.prockit.WaitResult;
import io.prockit.WaitidResult;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.platform.PosixStatusCodec;
import io.prockit.spi.Termination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one wait engine: {@code Child.waitFor}, {@code Os.waitpid}, {@code Os.wait3}, {@code Os.wait4},
 * {@code Os.waitid} and {@code Os.waitAny} all wait here, and only this class and the reaper call {@code wait4}
 * and {@code waitid}. It serves two owners of children at once: prockit's own (in the {@link ChildRegistry},
 * reaped exactly once through {@link PosixChild#tryReap()}, so the reaper, a {@code Child.waitFor} and an
 * {@code Os.waitpid} agree on one status), and everybody else's (the JDK's {@code ProcessBuilder}, another
 * library), which a wait for "any child" reaps with a {@code wait4} of its own, as Python's {@code os.wait} does.
 *
 * <h2>Races it closes</h2>
 * <ul>
 *   <li><b>Group membership is the kernel's, at wait time.</b> {@code waitpid(0)} and {@code waitpid(-pgid)}
 *   never use the group a child was spawned in: a child may {@code setsid()} or {@code setpgid()} itself. The
 *   engine asks the kernel ({@code waitid(P_PGID, id, WNOWAIT | WNOHANG)}) which unreaped child of the group
 *   has something to report; a child prockit already reaped matches by the group it was in when it was reaped
 *   ({@link PosixChild#tryReap()} reads it with {@code getpgid} just before, while the pid is still the
 *   child's). So a child that left the group is neither waited for (no busy loop for its whole life) nor
 *   returned, and one that joined a group is found there.</li>
 *   <li><b>WNOHANG never spins.</b> One look at the kernel and one at the registry; the only retry is for a
 *   foreign child that someone else reaped between the look and the reap, which is progress by someone
 *   else.</li>
 *   <li><b>Blocking waits block.</b> A wait for one prockit child polls the child's pidfd in the calling thread
 *   and reaps it there ({@link #awaitExit}; without pidfds it waits for the reaper's completion). A wait for a
 *   group or any child blocks in the kernel, {@code waitid(..., WNOWAIT)}, which wakes on any matching child,
 *   prockit's or not. While such a wait is blocked, the reaper does not reap the children it would wake for
 *   ({@link #deferIfWaitedFor}): it takes them out of its set and leaves them as zombies, which the blocked
 *   {@code waitid} then sees; otherwise the reaper could reap a child between the kernel's wake-up and the
 *   waiter's rescan, and the waiter would sleep on with the status already in prockit's hands. When a waiter
 *   leaves, every deferred child no remaining waiter would wake for goes back to the reaper (a wait that
 *   returned another child must not strand it behind a wait for an unrelated group).</li>
 *   <li><b>A fresh child is never taken for foreign.</b> A pid the registry does not know is reaped only under
 *   the registry's gate ({@link ChildRegistry#foreign()}), after looking it up again there: a spawn between
 *   {@code posix_spawn} and registration holds the gate, so its child is registered first.</li>
 *   <li><b>Foreign races are retried.</b> When the JDK reaps a child between this engine's
 *   {@code waitid(WNOWAIT)} and its {@code wait4}, the {@code ECHILD} means "look again", not "no child".</li>
 *   <li><b>An interrupted wait changes nothing.</b> A child leaves the registry only when its status is handed
 *   out, so after an interrupted {@code Os.waitpid(pid, 0)} the child is still prockit's: {@code Os.kill} goes
 *   through its pidfd and a later {@code Os.waitpid} collects it.</li>
 *   <li><b>{@code PIDFD_NONBLOCK} is honoured.</b> {@code waitid(P_PIDFD, fd, WEXITED)} on a non-blocking
 *   pidfd of a running child fails with {@code EAGAIN}, as the kernel's does.</li>
 * </ul>
 *
 * <p>A blocking wait for a group or any child sits in a native {@code waitid} and so does not notice
 * {@link Thread#interrupt()} (as before); waits for one child do.
 */
public final class WaitEngine {
    private static final Logger LOG = LoggerFactory.getLogger(WaitEngine.class);
    static final ResourceUsage ZERO = new ResourceUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    /** The longest a thread waiting on a pidfd stays in one {@code poll(2)}: how late it may notice an interrupt. */
    public static final int POLL_SLICE_MS = 50;

    /** One {@code struct pollfd} (8 bytes) per waiting thread. */
    private static final ThreadLocal<Memory> POLLFD = new ThreadLocal<>() {
        @Override
        protected Memory initialValue() {
            return new Memory(8);
        }
    };

    private final PosixPlatform platform;
    private final PosixConstants c;
    private final Errors errors;
    private final PosixStatusCodec codec;
    private final boolean maxrssInKib;
    /** The registry this engine serves (tests in this package read it too). */
    final ChildRegistry registry;

    /** Pidfds opened through {@code Os.pidfdOpen}: fd to {pid, flags}. */
    private final Map<Integer, int[]> pidfds = new ConcurrentHashMap<>();

    /** Group waits blocked in the kernel: {idtype, id} each; guarded by itself. */
    private final List<int[]> kernelWaiters = new ArrayList<>();
    /** Children the reaper left to a kernel waiter, with their group then; guarded by {@link #kernelWaiters}. */
    private final Map<PosixChild, Integer> deferred = new java.util.LinkedHashMap<>();
    private volatile int kernelWaiterCount;

    /**
     * @param platform the running platform (constants, status codec, {@code poll})
     * @param errors   turns errno into exceptions
     * @param registry the children prockit spawned and nobody collected yet
     */
    public WaitEngine(PosixPlatform platform, Errors errors, ChildRegistry registry) {
        this.platform = platform;
        this.c = platform.constants();
        this.errors = errors;
        this.codec = platform.statusCodec();
        this.maxrssInKib = platform.maxrssInKibibytes();
        this.registry = registry;
    }

    // ---- primitives shared with the reaper ---------------------------------------------------------------

    /**
     * {@code wait4(pid, WNOHANG)} with EINTR retried: the only reap of a prockit child, called by
     * {@link PosixChild#tryReap()} under the child's lock.
     *
     * @return the pid when reaped, 0 when it has not exited
     * @throws LastErrorException on failure ({@code ECHILD}: someone else reaped it)
     */
    static int reap(int pid, int[] status, Memory rusage, PosixConstants c) {
        while (true) {
            try {
                return LibC.wait4(pid, status, c.WNOHANG, rusage);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != c.EINTR) {
                    throw e;
                }
            }
        }
    }

    /**
     * @param pid      an unreaped child (its pid cannot have been reused)
     * @param fallback what to answer if the kernel will not say (macOS may refuse for a zombie)
     * @return its process group now
     */
    static int currentGroup(int pid, int fallback) {
        try {
            return LibC.getpgid(pid);
        } catch (LastErrorException e) {
            return fallback;
        }
    }

    /** @return whether any group wait is blocked in the kernel now (a volatile read: the reaper's fast path) */
    boolean kernelWaitersPresent() {
        return kernelWaiterCount != 0;
    }

    /**
     * Called by the reaper, under the child's lock, for a child whose exit it saw: when a group wait blocked in
     * the kernel would wake for it, the child is left to that wait: the reaper does not reap it (it stays a
     * zombie the blocked {@code waitid} sees) and takes it out of its set until no blocked wait would wake for it
     * any more ({@link #leaveKernelWait}). See the class comment.
     *
     * @param group the child's process group now
     * @return true when the child is left to a kernel waiter
     */
    boolean deferIfWaitedFor(PosixChild child, int group) {
        synchronized (kernelWaiters) {
            if (waitedFor(group)) {
                deferred.put(child, group);
                return true;
            }
            return false;
        }
    }

    /** @return whether a group wait blocked in the kernel would wake for an exit in {@code group}; under the lock */
    private boolean waitedFor(int group) {
        for (int[] w : kernelWaiters) {
            if (w[0] == c.P_ALL || w[1] == group) {
                return true;
            }
        }
        return false;
    }

    /** @return how many group waits are blocked in the kernel now (tests in this package synchronise on it) */
    int kernelWaiters() {
        synchronized (kernelWaiters) {
            return kernelWaiters.size();
        }
    }

    /** @return how many children the reaper has left to kernel waiters now (tests in this package synchronise on it) */
    int deferredCount() {
        synchronized (kernelWaiters) {
            return deferred.size();
        }
    }

    private void enterKernelWait(int[] target) {
        synchronized (kernelWaiters) {
            kernelWaiters.add(target);
            kernelWaiterCount = kernelWaiters.size();
        }
    }

    /**
     * A group wait leaves: every child left to kernel waiters that no remaining one would wake for goes back to
     * the reaper. Not only when the last waiter leaves: a wait that returned another child leaves its deferred
     * children behind, and a wait for an unrelated group may block for as long as that group lives.
     */
    private void leaveKernelWait(int[] target) {
        List<PosixChild> back = new ArrayList<>();
        synchronized (kernelWaiters) {
            kernelWaiters.remove(target);
            kernelWaiterCount = kernelWaiters.size();
            for (var it = deferred.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!waitedFor(e.getValue())) {
                    back.add(e.getKey());
                    it.remove();
                }
            }
        }
        for (PosixChild child : back) {
            child.backToReaper(); // takes the child's lock: never called under the engine's
        }
    }

    // ---- Child.waitFor ------------------------------------------------------------------------------------

    /**
     * Waits for one prockit child to end, at most {@code nanos}. On Linux with pidfds the calling thread polls
     * the child's pidfd, in slices of {@value #POLL_SLICE_MS} ms so an interrupt is noticed, and reaps the child
     * itself through {@link PosixChild#tryReap()} when it has exited. That saves the hand-off of the reaper
     * path (kernel wakes the reaper, the reaper reaps and completes the future, the future wakes this thread),
     * which was most of prockit's wait overhead over a C {@code waitpid} loop.
     *
     * <p>While at least one thread waits here, the child is out of the reaper's epoll set
     * ({@link PosixChild#startWaiting()}), so its exit wakes only the waiting threads; the last waiter to leave
     * hands a child still unreaped back to the reaper (a timeout, an interrupt). Races stay harmless: the reaper
     * may already hold the exit event when the child leaves its set, and several waiters may see the exit at
     * once; {@code tryReap} runs under the child's lock and reaps exactly once, and whoever loses finds the
     * child reaped. The pidfd stays open while any waiter polls it, even after the child is reaped, so no
     * waiter ever polls a descriptor number the process has since reused.
     *
     * <p>Waits for {@link PosixChild#termination()} instead without pidfds (macOS, old kernels), on a virtual
     * thread (a native poll would pin its carrier), for a zero timeout, and once the child is reaped.
     */
    Termination awaitExit(PosixChild child, long nanos) throws InterruptedException, ExecutionException,
            TimeoutException {
        // Beyond ~146 years counts as no limit (keeps the deadline arithmetic from overflowing).
        long deadline = nanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : System.nanoTime() + nanos;
        var termination = child.termination();
        if (nanos > 0 && !termination.isDone() && !isVirtual(Thread.currentThread())) {
            int fd = child.startWaiting();
            if (fd >= 0) {
                boolean exited;
                boolean reapedNow = false;
                try {
                    exited = pollForExit(child, fd, deadline);
                    if (exited) {
                        try {
                            reapedNow = child.tryReap();
                        } catch (RuntimeException e) {
                            LOG.debug("reaping {} in its waiter failed; leaving it to the reaper",
                                    child, e);
                        }
                    }
                } finally {
                    child.stopWaiting();
                }
                if (reapedNow) {
                    // Completed, or about to be by a thread that won the race (it completes the future right
                    // after leaving the child's lock), so no deadline applies any more.
                    return termination.get();
                }
                if (!exited) {
                    throw new TimeoutException();
                }
            }
        }
        if (deadline == Long.MAX_VALUE) {
            return termination.get();
        }
        return termination.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static boolean isVirtual(Thread t) {
        // Thread.isVirtual() is Java 21; the class name works from Java 17 on.
        return t.getClass().getName().equals("java.lang.VirtualThread");
    }

    /**
     * Polls {@code fd} until it is readable (the child exited), the deadline passes or the child is reaped.
     *
     * @return false only when the deadline passed
     */
    private boolean pollForExit(PosixChild child, int fd, long deadline) throws InterruptedException {
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            int sliceMs = POLL_SLICE_MS;
            if (deadline != Long.MAX_VALUE) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return child.termination().isDone();
                }
                sliceMs = (int) Math.min(POLL_SLICE_MS, (left + 999_999) / 1_000_000);
            }
            int n;
            try {
                n = pollReadable(fd, sliceMs);
            } catch (LastErrorException e) {
                // Unexpected: let the caller wait for the reaper instead.
                LOG.debug("poll on the pidfd of {} failed: errno {}", child, e.getErrorCode());
                return true;
            }
            if (n > 0 || child.termination().isDone()) {
                return true;
            }
        }
    }

    /**
     * One {@code poll(2)} of {@code fd} for {@code POLLIN} (Linux), through the calling thread's
     * {@code struct pollfd}.
     *
     * @return above 0 when readable, 0 when the time passed or a signal interrupted the call (EINTR)
     * @throws LastErrorException for any other failure
     */
    private int pollReadable(int fd, int ms) {
        Memory pfd = POLLFD.get();
        pfd.setInt(0, fd);
        pfd.setShort(4, (short) c.POLLIN); // events
        pfd.setShort(6, (short) 0);                      // revents
        try {
            return platform.poll(pfd, 1, ms);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == c.EINTR) {
                return 0;
            }
            throw e;
        }
    }

    // ---- the Python calls ------------------------------------------------------------------------------------

    /** {@code Os.waitpid} and {@code Os.waitAny}. */
    public WaitResult waitpid(int pid, int options) {
        Event e = waitForPid("waitpid", pid, fromWaitpidOptions(options), false);
        return e == null ? new WaitResult(0, 0) : new WaitResult(e.pid, e.waitStatus);
    }

    /** {@code Os.wait4} and {@code Os.wait3}. */
    public Wait4Result wait4(int pid, int options) {
        Event e = waitForPid("wait4", pid, fromWaitpidOptions(options), false);
        return e == null ? new Wait4Result(0, 0, ZERO) : new Wait4Result(e.pid, e.waitStatus, e.rusage);
    }

    /** {@code Os.waitid}: null under WNOHANG when nothing is ready, as Python returns None. */
    public WaitidResult waitid(int idtype, int id, int options) {
        Event e;
        if (idtype == c.optional("P_PIDFD").orElse(Integer.MIN_VALUE)) {
            e = waitPidfd(id, options);
        } else if (idtype == c.P_PID) {
            e = single("waitid", id, id, c.P_PID, id, options, true);
        } else if (idtype == c.P_PGID || idtype == c.P_ALL) {
            int group = idtype == c.P_ALL ? 0 : id == 0 ? LibC.getpgrp() : id;
            e = group(idtype, group, options, true, "waitid", id);
        } else {
            throw new IllegalArgumentException("waitid: unknown idtype " + idtype);
        }
        if (e == null) {
            return null;
        }
        return new WaitidResult(e.pid, e.uid, c.optional("SIGCHLD").orElseThrow(), e.siStatus, e.siCode);
    }

    /** Remembers a pidfd {@code Os.pidfdOpen} returned, with its flags (PIDFD_NONBLOCK). */
    void pidfdOpened(int fd, int pid, int flags) {
        pidfds.put(fd, new int[] {pid, flags});
    }

    /** Forgets a pidfd {@code Os.close} closes. */
    public void pidfdClosed(int fd) {
        pidfds.remove(fd);
    }

    private int fromWaitpidOptions(int options) {
        return c.WEXITED | ((options & c.WUNTRACED) != 0 ? c.WSTOPPED : 0)
                | ((options & c.WCONTINUED) != 0 ? c.WCONTINUED : 0) | ((options & c.WNOHANG) != 0 ? c.WNOHANG : 0);
    }

    private Event waitForPid(String op, int pid, int opts, boolean siginfo) {
        if (pid > 0) {
            return single(op, pid, pid, c.P_PID, pid, opts, siginfo);
        }
        int idtype = pid == -1 ? c.P_ALL : c.P_PGID;
        int id = pid == -1 ? 0 : pid == 0 ? LibC.getpgrp() : -pid;
        return group(idtype, id, opts, siginfo, op, pid);
    }

    // ---- one child ------------------------------------------------------------------------------------------

    /**
     * A wait for one process, named by pid or pidfd ({@code idtype}, {@code id}).
     *
     * @param subject what an error names
     */
    private Event single(String op, Object subject, int pid, int idtype, int id, int opts, boolean siginfo) {
        PosixChild own = registry.get(pid);
        if (own != null) {
            return own(op, subject, own, opts);
        }
        boolean nohang = (opts & c.WNOHANG) != 0;
        boolean nowait = (opts & c.WNOWAIT) != 0;
        try (Memory info = new Memory(c.SIZEOF_siginfo_t)) {
            while (true) {
                info.clear();
                // A foreign process: look (blocking in the kernel unless WNOHANG), then reap what was seen.
                boolean child = waitidRaw(idtype, id, (opts & ~c.WNOHANG) | c.WNOWAIT | (nohang ? c.WNOHANG : 0),
                        info, op, subject);
                own = registry.get(pid);
                if (own != null) {
                    return own(op, subject, own, opts); // registered meanwhile: a spawn that was in flight
                }
                if (!child) {
                    // Not (or no longer) a child: unless a spawn that just returned this pid is registering it
                    // (the reaper may have reaped it already). Waits for nothing else: a spawn still inside
                    // posix_spawn cannot have handed out its pid.
                    registry.awaitAdoptions();
                    own = registry.get(pid);
                    if (own != null) {
                        return own(op, subject, own, opts);
                    }
                    throw errors.of(op, subject, c.ECHILD);
                }
                if (info.getInt(c.OFFSETOF_siginfo_si_pid) == 0) {
                    return null;
                }
                if (nowait) {
                    return Event.of(info, c, codec());
                }
                Foreign f = reapForeign(pid, idtype, id, opts, siginfo);
                if (f.event != null) {
                    return f.event;
                }
                if (f.busy) {
                    return null; // WNOHANG: a spawn is in flight; this pid may be its child, not registered yet
                }
                // Registered after all (next round takes the own path) or reaped by someone else (next look: ECHILD).
            }
        }
    }

    /** A wait for one registered child: the status comes from the child, never from a reap of our own. */
    private Event own(String op, Object subject, PosixChild own, int opts) {
        boolean nohang = (opts & c.WNOHANG) != 0;
        boolean nowait = (opts & c.WNOWAIT) != 0;
        boolean exits = (opts & c.WEXITED) != 0;
        int events = opts & (c.WSTOPPED | c.WCONTINUED);
        Memory info = events == 0 ? null : new Memory(c.SIZEOF_siginfo_t);
        try {
            while (true) {
                PosixChild.Reaped r = own.reapedState();
                if (r != null) {
                    if (!exits) {
                        throw errors.of(op, subject, c.ECHILD);
                    }
                    Event e = collect(own, r, nowait);
                    if (e == null) {
                        throw errors.of(op, subject, c.ECHILD); // collected by someone else, or reaped outside prockit
                    }
                    return e;
                }
                if (events == 0) {
                    if (nohang) {
                        if (!own.tryReap()) {
                            return null;
                        }
                        continue;
                    }
                    try {
                        awaitExit(own, Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new OsException(op, String.valueOf(subject), c.EINTR, ErrorKind.INTERRUPTED,
                                "Interrupted system call");
                    } catch (ExecutionException | TimeoutException e) {
                        // reapedState says what happened
                    }
                    continue;
                }
                // Stop and continue reports as well: ask the kernel about this pid. A blocking look is safe: when
                // the reaper takes the child meanwhile, waitid(P_PID) fails with ECHILD instead of sleeping on.
                info.clear();
                int look = (opts & (c.WEXITED | c.WSTOPPED | c.WCONTINUED)) | c.WNOWAIT | (nohang ? c.WNOHANG : 0);
                if (!waitidRaw(c.P_PID, own.pid(), look, info, op, subject)) {
                    own.tryReap(); // reaped by prockit meanwhile (a no-op) or by someone outside (marks it)
                    continue;
                }
                if (info.getInt(c.OFFSETOF_siginfo_si_pid) == 0) {
                    return null;
                }
                if (isExit(info.getInt(c.OFFSETOF_siginfo_si_code))) {
                    own.tryReap();
                    continue;
                }
                if (nowait) {
                    return Event.of(info, c, codec());
                }
                Event e = consumeStopOrContinue(own.pid(), opts, info, op, subject);
                if (e != null) {
                    return e;
                }
            }
        } finally {
            if (info != null) {
                info.close();
            }
        }
    }

    /** {@code waitid(P_PIDFD, fd, ...)}: a prockit child through its pid, honouring {@code PIDFD_NONBLOCK}. */
    private Event waitPidfd(int fd, int opts) {
        int[] known = pidfds.get(fd);
        int pid;
        boolean nonblocking;
        if (known != null) {
            pid = known[0];
            nonblocking = (known[1] & c.O_NONBLOCK) != 0;
        } else {
            long[] fdinfo = fdinfo(fd);
            pid = (int) fdinfo[0];
            nonblocking = (fdinfo[1] & c.O_NONBLOCK) != 0;
        }
        PosixChild own = pid > 0 ? registry.get(pid) : null;
        if (own == null) {
            // Not prockit's: the kernel answers (and honours PIDFD_NONBLOCK itself).
            return single("waitid", fd, pid, c.optional("P_PIDFD").orElseThrow(), fd, opts, true);
        }
        if (nonblocking && (opts & c.WNOHANG) == 0) {
            Event e = own("waitid", fd, own, opts | c.WNOHANG);
            if (e == null) {
                throw errors.of("waitid", fd, c.EAGAIN); // as the kernel answers for a running child
            }
            return e;
        }
        return own("waitid", fd, own, opts);
    }

    // ---- a group, or any child ----------------------------------------------------------------------------

    /** A wait for a process group ({@code P_PGID}, {@code id} resolved) or any child ({@code P_ALL}). */
    private Event group(int idtype, int id, int opts, boolean siginfo, String op, Object subject) {
        boolean nohang = (opts & c.WNOHANG) != 0;
        // Only a wait that can report exits needs the reaper to hold back: stop and continue reports are never
        // consumed by the reaper.
        boolean blocking = !nohang && (opts & c.WEXITED) != 0;
        int[] target = {idtype, id};
        if (blocking) {
            enterKernelWait(target);
        }
        try (Memory info = new Memory(c.SIZEOF_siginfo_t)) {
            while (true) {
                Event e = pass(idtype, id, opts, siginfo, info, op, subject);
                if (e == AGAIN) {
                    continue;
                }
                if (e == NO_CHILD) {
                    throw errors.of(op, subject, c.ECHILD);
                }
                if (e != NOTHING) {
                    return e;
                }
                if (nohang) {
                    return null;
                }
                // Sleep in the kernel until a matching child has something to report. The reaper leaves the
                // children this wakes for to us (deferIfWaitedFor), so no exit is taken from under it.
                info.clear();
                waitidRaw(idtype, id, (opts & (c.WEXITED | c.WSTOPPED | c.WCONTINUED)) | c.WNOWAIT, info, op,
                        subject);
            }
        } finally {
            if (blocking) {
                leaveKernelWait(target);
            }
        }
    }

    private static final Event AGAIN = new Event(0, 0, 0, 0, 0, ZERO);
    private static final Event NOTHING = new Event(0, 0, 0, 0, 0, ZERO);
    private static final Event NO_CHILD = new Event(0, 0, 0, 0, 0, ZERO);

    /**
     * One look, never blocking: the kernel first (which unreaped child of the group has something to report),
     * then the registry (prockit children reaped already, by the group they were in when reaped).
     *
     * @return an event, {@link #AGAIN} (something moved under us: look again), {@link #NOTHING} (children match,
     * none has anything to report) or {@link #NO_CHILD}
     */
    private Event pass(int idtype, int id, int opts, boolean siginfo, Memory info, String op, Object subject) {
        boolean nowait = (opts & c.WNOWAIT) != 0;
        info.clear();
        boolean kernelHasChildren = waitidRaw(idtype, id,
                (opts & (c.WEXITED | c.WSTOPPED | c.WCONTINUED)) | c.WNOWAIT | c.WNOHANG, info, op, subject);
        int who = kernelHasChildren ? info.getInt(c.OFFSETOF_siginfo_si_pid) : 0;
        if (who != 0) {
            PosixChild own = registry.get(who);
            boolean exit = isExit(info.getInt(c.OFFSETOF_siginfo_si_code));
            if (nowait) {
                return Event.of(info, c, codec());
            }
            if (own != null && exit) {
                own.tryReap();
                PosixChild.Reaped r = own.reapedState();
                Event e = r == null ? null : collect(own, r, false);
                return e != null ? e : AGAIN;
            }
            if (own != null) {
                Event e = consumeStopOrContinue(who, opts, info, op, subject);
                return e != null ? e : AGAIN;
            }
            Foreign f = reapForeign(who, c.P_PID, who, opts, siginfo);
            if (!f.busy) {
                return f.event != null ? f.event : AGAIN;
            }
            // WNOHANG while a spawn is in flight: the pid may be its child; report what the registry holds.
        }
        if ((opts & c.WEXITED) != 0) {
            for (PosixChild own : registry.snapshot()) {
                PosixChild.Reaped r = own.reapedState(); // under the child's lock: a reap in progress has finished
                if (r == null) {
                    continue;
                }
                if (r.termination() == null) {
                    // Reaped outside prockit (SIGCHLD ignored, a foreign waitpid(-1)): no status to report, ever.
                    if (!nowait) {
                        registry.remove(own);
                    }
                    continue;
                }
                if (idtype == c.P_PGID && r.pgid() != id) {
                    continue;
                }
                Event e = collect(own, r, nowait);
                if (e != null) {
                    return e;
                }
            }
        }
        return kernelHasChildren ? NOTHING : NO_CHILD;
    }

    // ---- steps --------------------------------------------------------------------------------------------

    /**
     * Hands out a reaped child's status; unless {@code nowait}, takes it out of the registry (once: a second
     * caller gets null).
     *
     * @return the event, or null when someone else collected it or it was reaped outside prockit
     */
    private Event collect(PosixChild own, PosixChild.Reaped r, boolean nowait) {
        if (r.termination() == null) {
            if (!nowait) {
                registry.remove(own);
            }
            return null;
        }
        if (!nowait && !registry.remove(own)) {
            return null;
        }
        return Event.of(own.pid(), r.termination(), codec(), c);
    }

    /**
     * The result of reaping a pid the registry does not know.
     *
     * @param busy a WNOHANG wait found a spawn in flight (the pid may be its child, about to be registered) and
     *             did not wait for it: nothing to report yet
     */
    private record Foreign(Event event, boolean busy) {
        Foreign(Event event) {
            this(event, false);
        }
    }

    /**
     * Reaps what a look saw of a process prockit does not own, under the registry's gate so a spawn in flight is
     * registered first. {@code wait4} when the caller reports a wait status and resource usage, {@code waitid}
     * when it reports a siginfo; with WNOHANG either way (the look said it is ready).
     *
     * @return an empty result when the pid turned out to be prockit's or someone else reaped it first
     */
    private Foreign reapForeign(int pid, int idtype, int id, int opts, boolean siginfo) {
        ChildRegistry.Foreign held = (opts & c.WNOHANG) != 0 ? registry.tryForeign() : registry.foreign();
        if (held == null) {
            return new Foreign(null, true);
        }
        try (ChildRegistry.Foreign gate = held) {
            if (registry.contains(pid)) {
                return new Foreign(null);
            }
            if (siginfo) {
                try (Memory info = new Memory(c.SIZEOF_siginfo_t)) {
                    info.clear();
                    if (!waitidRaw(idtype, id, (opts & ~c.WNOWAIT) | c.WNOHANG, info, "waitid", id)
                            || info.getInt(c.OFFSETOF_siginfo_si_pid) == 0) {
                        return new Foreign(null);
                    }
                    return new Foreign(Event.of(info, c, codec()));
                }
            }
            int w4 = c.WNOHANG | ((opts & c.WSTOPPED) != 0 ? c.WUNTRACED : 0) | (opts & c.WCONTINUED);
            int[] status = new int[1];
            try (Memory ru = new Memory(c.SIZEOF_rusage)) {
                while (true) {
                    ru.clear();
                    try {
                        int r = LibC.wait4(pid, status, w4, ru);
                        if (r != pid) {
                            return new Foreign(null);
                        }
                        return new Foreign(Event.of(pid, status[0] & 0xffffffffL,
                                PosixChild.rusage(ru, maxrssInKib), codec(), c));
                    } catch (LastErrorException e) {
                        if (e.getErrorCode() == c.ECHILD) {
                            return new Foreign(null); // the JDK (or another library) reaped it first
                        }
                        if (e.getErrorCode() != c.EINTR) {
                            throw errors.of("wait4", pid, e);
                        }
                    }
                }
            }
        }
    }

    /** Consumes a pending stop/continue report without {@code WEXITED}, so it can never reap. */
    private Event consumeStopOrContinue(int pid, int opts, Memory info, String op, Object subject) {
        info.clear();
        if (!waitidRaw(c.P_PID, pid, (opts & (c.WSTOPPED | c.WCONTINUED)) | c.WNOHANG, info, op, subject)
                || info.getInt(c.OFFSETOF_siginfo_si_pid) == 0) {
            return null;
        }
        return Event.of(info, c, codec());
    }

    /** waitid with EINTR retried; false on ECHILD. */
    private boolean waitidRaw(int idtype, int id, int options, Memory info, String op, Object subject) {
        while (true) {
            try {
                LibC.waitid(idtype, id, info, options);
                return true;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == c.EINTR) {
                    continue;
                }
                if (e.getErrorCode() == c.ECHILD) {
                    return false;
                }
                throw errors.of(op, subject, e);
            }
        }
    }

    private boolean isExit(int code) {
        return code == c.CLD_EXITED || code == c.CLD_KILLED || code == c.CLD_DUMPED;
    }

    private PosixStatusCodec codec() {
        return codec;
    }

    /** Linux: {pid, flags} of a pidfd, from {@code /proc/self/fdinfo}; pid -1 when unknown. */
    static long[] fdinfo(int pidfd) {
        long[] r = {-1, 0};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + pidfd))) {
                if (line.startsWith("Pid:")) {
                    r[0] = Integer.parseInt(line.substring(4).trim());
                } else if (line.startsWith("flags:")) {
                    r[1] = Long.parseLong(line.substring(6).trim(), 8);
                }
            }
        } catch (IOException | RuntimeException e) {
            return r;
        }
        return r;
    }

    /**
     * What a wait reports, in both forms: the wait status (with resource usage) and the siginfo fields.
     *
     * @param siCode   CLD_EXITED, CLD_KILLED, CLD_DUMPED, CLD_STOPPED or CLD_CONTINUED
     * @param siStatus the exit code or the signal
     */
    private record Event(int pid, int uid, int siCode, int siStatus, long waitStatus, ResourceUsage rusage) {

        /** From a siginfo the kernel filled (a stop, a continue, or an exit seen by waitid). */
        static Event of(Memory info, PosixConstants c, PosixStatusCodec codec) {
            int code = info.getInt(c.OFFSETOF_siginfo_si_code);
            int st = info.getInt(c.OFFSETOF_siginfo_si_status);
            long ws;
            if (code == c.CLD_EXITED) {
                ws = codec.exitedStatus(st);
            } else if (code == c.CLD_KILLED || code == c.CLD_DUMPED) {
                ws = codec.signaledStatus(st, code == c.CLD_DUMPED);
            } else if (code == c.CLD_CONTINUED) {
                ws = codec.continuedStatus();
            } else {
                ws = codec.stoppedStatus(st);
            }
            return new Event(info.getInt(c.OFFSETOF_siginfo_si_pid), info.getInt(c.OFFSETOF_siginfo_si_uid), code,
                    st, ws, ZERO);
        }

        /** From a wait status {@code wait4} returned. */
        static Event of(int pid, long ws, ResourceUsage ru, PosixStatusCodec codec, PosixConstants c) {
            int code;
            int st;
            if (codec.ifExited(ws)) {
                code = c.CLD_EXITED;
                st = codec.exitStatus(ws);
            } else if (codec.ifSignaled(ws)) {
                code = codec.coreDump(ws) ? c.CLD_DUMPED : c.CLD_KILLED;
                st = codec.termSig(ws);
            } else if (codec.ifContinued(ws)) {
                code = c.CLD_CONTINUED;
                st = c.optional("SIGCONT").orElse(0);
            } else {
                code = c.CLD_STOPPED;
                st = codec.stopSig(ws);
            }
            // The child's real uid is the spawner's: posix_spawn cannot change it (RESETIDS resets the effective id).
            return new Event(pid, LibC.getuid(), code, st, ws, ru);
        }

        /** From the status prockit's reaper (or a waiter) recorded for its child. */
        static Event of(int pid, Termination t, PosixStatusCodec codec, PosixConstants c) {
            return of(pid, t.waitStatus(), t.rusage(), codec, c);
        }
    }
}
