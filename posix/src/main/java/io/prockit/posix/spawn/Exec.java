package io.prockit.posix.spawn;

import io.prockit.posix.os.LiveEnvironment;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.os.PosixSystem;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.NativeStrings;
import io.prockit.posix.platform.PosixConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code os.exec*}: replaces the JVM with another program in the same process (same pid),
 * with {@code execve(2)} called directly. This forks nothing, so it keeps DESIGN's "posix_spawn, never
 * fork" rule; no other API can do it.
 *
 * <p>What the new program inherits, as with Python: the pid, parent, process group, session,
 * controlling terminal, working directory (the real one, see {@code Os.chdir}), umask, resource limits,
 * ignored signal dispositions, and every descriptor not marked close-on-exec. The JVM itself leaves
 * about ten of those open (DESIGN.md, measured facts); they stay open in the new program as Python's
 * inheritable descriptors do. The signal mask of the calling thread is emptied just before the call,
 * because the JVM's threads block signals a new program would not expect to find blocked; if
 * {@code execve} fails the mask is restored.
 */
public final class Exec {
    private static final Logger LOG = LoggerFactory.getLogger(Exec.class);

    private final PosixConstants c;
    private final Errors errors;
    private final LiveEnvironment live;
    private final PosixSystem system;

    /**
     * @param c      the constants
     * @param errors turns errno into exceptions
     * @param live   the live environment's owner
     * @param system the real working directory (for a PATH search)
     */
    public Exec(PosixConstants c, Errors errors, LiveEnvironment live, PosixSystem system) {
        this.c = c;
        this.errors = errors;
        this.live = live;
        this.system = system;
    }

    public void execve(String program, List<String> argv, Map<String, String> env, boolean search) {
        // The live environment (PATH, and environ when inherited) is read under its owner's lock, held until
        // execve returns, which it does only when it fails.
        live.lockRead();
        try {
            execveLocked(program, argv, env, search, live);
        } finally {
            live.unlockRead();
        }
    }

    private void execveLocked(String program, List<String> argv, Map<String, String> env, boolean search,
                              LiveEnvironment live) {
        String path = program;
        if (search && !program.contains("/")) {
            String pathVar = env != null ? env.get("PATH") : live.get("PATH");
            PathSearch.Found f = PathSearch.search(program, pathVar, system.realCwdPath());
            if (f.path().isEmpty()) {
                throw errors.of("execvp", program, f.sawNonExecutable() ? c.EACCES : c.ENOENT);
            }
            path = f.path().get();
        }
        System.out.flush();
        System.err.flush();
        try (Memory pathMem = NativeStrings.cString(path);
             Memory argvMem = NativeStrings.vector(argv);
             Memory envMem = env == null ? null : NativeStrings.vector(entries(env));
             Memory empty = new Memory(c.SIZEOF_sigset_t);
             Memory old = new Memory(c.SIZEOF_sigset_t)) {
            empty.clear();
            int setmask = c.optional("SIG_SETMASK").orElseThrow();
            boolean masked = LibC.pthread_sigmask(setmask, empty, old) == 0;
            LOG.debug("execve {} argv={} env={}", path, argv, env == null ? "inherited" : env.size() + " entries");
            try {
                Pointer envp = envMem != null ? envMem : live.pointerWhileLocked();
                LibC.execve(pathMem, argvMem, envp);
                throw new IllegalStateException("execve returned without an error");
            } catch (LastErrorException e) {
                if (masked) {
                    LibC.pthread_sigmask(setmask, old, null);
                }
                throw errors.of(search && !program.contains("/") ? "execvp" : "execve", program, e);
            }
        }
    }

    private static List<String> entries(Map<String, String> env) {
        List<String> out = new ArrayList<>(env.size());
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }
}
