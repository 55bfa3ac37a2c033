package io.prockit.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.ResourceUsage;
import io.prockit.Wait4Result;
import io.prockit.WaitResult;
import io.prockit.WaitidResult;
import io.prockit.posix.jna.LibC;
import io.prockit.spi.Termination;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code wait3}, {@code wait4} and {@code waitid} over the backend's registry, with the rule of
 * {@link PosixBackend#waitpid}: a child prockit spawned is reaped only by prockit's reaper, and these
 * calls take its status (and resource usage) from there; any other child is reaped by the call itself.
 * Looking without reaping uses {@code waitid(..., WNOWAIT)}; when prockit owns live children that
 * match, the call polls its reaper's futures in short steps instead of blocking in the kernel, where the
 * reaper could take the child and leave the call waiting for something that has already happened.
 */
final class PosixWaits {
    static final ResourceUsage ZERO = new ResourceUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final PosixBackend b;
    private final PosixConstants c;

    /** Pidfds opened through Os.pidfdOpen, to their pid: /proc/self/fdinfo shows -1 once the pid is reaped. */
    private final Map<Integer, Integer> pidfdPids = new java.util.concurrent.ConcurrentHashMap<>();

    void pidfdOpened(int fd, int pid) {
        pidfdPids.put(fd, pid);
    }

    void pidfdClosed(int fd) {
        pidfdPids.remove(fd);
    }

    PosixWaits(PosixBackend backend) {
        this.b = backend;
        this.c = backend.c;
    }

    // ---- wait4 / wait3 ----------------------------------------------------------------------------

    Wait4Result wait4(int pid, int options) {
        if (pid > 0) {
            PosixChild own = b.ownChildren().get(pid);
            if (own != null) {
                return withUsage(b.waitpid(pid, options), own);
            }
            return foreign(pid, options);
        }
        boolean nohang = (options & c.WNOHANG) != 0;
        int myPgrp = LibC.getpgrp();
        int idtype = pid == -1 ? c.P_ALL : c.P_PGID;
        int id = pid == -1 ? 0 : pid == 0 ? myPgrp : -pid;
        try (Memory info = new Memory(c.SIZEOF_siginfo_t)) {
            while (true) {
                Map<Integer, PosixChild> snapshot = Map.copyOf(b.ownChildren());
                info.clear();
                if (peek(idtype, id, c.WEXITED | events(options) | c.WNOHANG, info)) {
                    int who = info.getInt(c.OFFSETOF_siginfo_si_pid);
                    if (who != 0 && !snapshot.containsKey(who)) {
                        Wait4Result r = foreign(who, options | c.WNOHANG);
                        if (r.pid() == who) {
                            return r;
                        }
                        continue;
                    }
                }
                List<CompletableFuture<Termination>> live = new ArrayList<>();
                for (PosixChild own : snapshot.values()) {
                    if (pid == -1 || own.pgid() == id) {
                        live.add(own.termination());
                    }
                }
                if (!live.isEmpty()) {
                    WaitResult r = b.waitpid(pid, options | c.WNOHANG);
                    if (r.pid() != 0) {
                        PosixChild own = snapshot.get(r.pid());
                        return own != null ? withUsage(r, own) : new Wait4Result(r.pid(), r.status(), ZERO);
                    }
                }
                if (nohang) {
                    if (live.isEmpty() && !peek(idtype, id, c.WEXITED | events(options) | c.WNOHANG, info)) {
                        throw b.errors.of("wait4", pid, c.ECHILD);
                    }
                    return new Wait4Result(0, 0, ZERO);
                }
                block(live, idtype, id, options, "wait4", pid);
            }
        }
    }

    private int events(int options) {
        return ((options & c.WUNTRACED) != 0 ? c.WSTOPPED : 0) | ((options & c.WCONTINUED) != 0 ? c.WCONTINUED : 0);
    }

    private Wait4Result withUsage(WaitResult r, PosixChild own) {
        if (r.pid() == 0) {
            return new Wait4Result(0, 0, ZERO);
        }
        CompletableFuture<Termination> t = own.termination();
        if (t.isDone() && !t.isCompletedExceptionally() && t.join().waitStatus() == r.status()) {
            return new Wait4Result(r.pid(), r.status(), t.join().rusage());
        }
        return new Wait4Result(r.pid(), r.status(), ZERO); // a stop or continue report: nothing was used up yet
    }

    private Wait4Result foreign(int pid, int options) {
        int[] status = new int[1];
        try (Memory ru = new Memory(c.SIZEOF_rusage)) {
            while (true) {
                ru.clear();
                try {
                    int r = LibC.wait4(pid, status, options, ru);
                    return r == 0 ? new Wait4Result(0, 0, ZERO)
                            : new Wait4Result(r, status[0] & 0xffffffffL, PosixChild.rusage(ru, !b.isDarwin()));
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != c.EINTR) {
                        throw b.errors.of("wait4", pid, e);
                    }
                }
            }
        }
    }

    /** Waits until something may have changed: our reaper's futures in 20 ms steps, or the kernel. */
    private void block(List<CompletableFuture<Termination>> live, int idtype, int id, int options, String op,
                       int subject) {
        if (live.isEmpty()) {
            try (Memory info = new Memory(c.SIZEOF_siginfo_t)) {
                info.clear();
                if (!peek(idtype, id, c.WEXITED | events(options), info)) {
                    throw b.errors.of(op, subject, c.ECHILD);
                }
            }
            return;
        }
        try {
            CompletableFuture.anyOf(live.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException ignored) {
            // look again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsException(op, Integer.toString(subject), c.EINTR, ErrorKind.INTERRUPTED, "Interrupted system call");
        }
    }

    /** waitid with WNOWAIT added, EINTR retried; false on ECHILD. */
    private boolean peek(int idtype, int id, int options, Memory info) {
        return waitidRaw(idtype, id, options | c.WNOWAIT, info);
    }

    private boolean waitidRaw(int idtype, int id, int options, Memory info) {
        return b.waitid(idtype, id, options, info);
    }

    // ---- waitid -----------------------------------------------------------------------------------

    WaitidResult waitid(int idtype, int id, int options) {
        int pidfdType = c.optional("P_PIDFD").orElse(-1);
        if (idtype == pidfdType) {
            Integer known = pidfdPids.get(id);
            int pid = known != null ? known : pidOfPidfd(id);
            if (pid > 0 && b.ownChildren().containsKey(pid)) {
                return waitid(c.P_PID, pid, options);
            }
        }
        boolean nohang = (options & c.WNOHANG) != 0;
        boolean nowait = (options & c.WNOWAIT) != 0;
        boolean exits = (options & c.WEXITED) != 0;
        int stopCont = options & (c.WSTOPPED | c.WCONTINUED);
        int myPgrp = LibC.getpgrp();
        try (Memory info = new Memory(c.SIZEOF_siginfo_t)) {
            while (true) {
                List<CompletableFuture<Termination>> live = new ArrayList<>();
                for (PosixChild own : List.copyOf(b.ownChildren().values())) {
                    if (!matches(own, idtype, id, myPgrp)) {
                        continue;
                    }
                    if (exits && own.termination().isDone()) {
                        WaitidResult r = fromTermination(own);
                        if (!nowait) {
                            b.claimOwn(own);
                        }
                        return r;
                    }
                    live.add(own.termination());
                }
                info.clear();
                boolean any = peek(idtype, id, (options & ~c.WNOWAIT) | c.WNOHANG, info);
                int who = any ? info.getInt(c.OFFSETOF_siginfo_si_pid) : 0;
                if (who != 0) {
                    WaitidResult r = result(info);
                    if (nowait) {
                        return r;
                    }
                    PosixChild own = b.ownChildren().get(who);
                    int code = r.siCode();
                    boolean exit = code == c.CLD_EXITED || code == c.CLD_KILLED || code == c.CLD_DUMPED;
                    if (exit && own != null) {
                        b.claimOwn(own);
                        return r;
                    }
                    // Consume exactly what was seen: a foreign exit, or a stop/continue report (never reaps).
                    info.clear();
                    int consume = exit ? (options & ~c.WNOHANG) | c.WNOHANG : stopCont | c.WNOHANG;
                    if (waitidRaw(c.P_PID, who, consume, info) && info.getInt(c.OFFSETOF_siginfo_si_pid) == who) {
                        return result(info);
                    }
                    continue;
                }
                if (!any && live.isEmpty()) {
                    throw b.errors.of("waitid", id, c.ECHILD);
                }
                if (nohang) {
                    return null;
                }
                if (live.isEmpty()) {
                    info.clear();
                    if (!peek(idtype, id, options & ~c.WNOHANG, info)) {
                        throw b.errors.of("waitid", id, c.ECHILD);
                    }
                } else {
                    block(live, idtype, id, 0, "waitid", id);
                }
            }
        }
    }

    private boolean matches(PosixChild own, int idtype, int id, int myPgrp) {
        if (idtype == c.P_ALL) {
            return true;
        }
        if (idtype == c.P_PID) {
            return own.pid() == id;
        }
        if (idtype == c.P_PGID) {
            return own.pgid() == (id == 0 ? myPgrp : id);
        }
        return false;
    }

    private WaitidResult result(Memory info) {
        return new WaitidResult(info.getInt(c.OFFSETOF_siginfo_si_pid), info.getInt(c.OFFSETOF_siginfo_si_uid),
                info.getInt(0), info.getInt(c.OFFSETOF_siginfo_si_status), info.getInt(c.OFFSETOF_siginfo_si_code));
    }

    /** The siginfo the kernel would have given for an exit our reaper already collected. */
    private WaitidResult fromTermination(PosixChild own) {
        long st = own.termination().join().waitStatus();
        PosixStatusCodec codec = (PosixStatusCodec) b.statusCodec();
        int sigchld = c.optional("SIGCHLD").orElseThrow();
        // The child's real uid is the spawner's: posix_spawn cannot change it (RESETIDS only resets the effective id).
        int uid = LibC.getuid();
        if (codec.ifExited(st)) {
            return new WaitidResult(own.pid(), uid, sigchld, codec.exitStatus(st), c.CLD_EXITED);
        }
        return new WaitidResult(own.pid(), uid, sigchld, codec.termSig(st),
                codec.coreDump(st) ? c.CLD_DUMPED : c.CLD_KILLED);
    }

    /** Linux: the pid a pidfd refers to, from {@code /proc/self/fdinfo}; -1 when unknown. */
    static int pidOfPidfd(int pidfd) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + pidfd))) {
                if (line.startsWith("Pid:")) {
                    return Integer.parseInt(line.substring(4).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
