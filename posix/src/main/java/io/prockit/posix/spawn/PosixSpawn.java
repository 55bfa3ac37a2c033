package io.prockit.posix.spawn;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import io.prockit.FileAction;
import io.prockit.PosixSpawnAttributes;
import io.prockit.posix.PosixBackend;
import io.prockit.posix.jna.DarwinLibC;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.os.PosixSystem;
import io.prockit.posix.platform.NativeStrings;
import io.prockit.posix.platform.PosixConstants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Python's {@code os.posix_spawn} and {@code os.posix_spawnp}: the caller's file actions and attributes
 * passed to {@code posix_spawn(3)} as given, the way {@link Spawner} builds its own. The child is
 * registered with the backend's reaper like every other, so {@code Os.waitpid(pid, 0)} collects it.
 *
 * <p>Two differences from CPython, both deliberate: the program is looked up (for {@code posix_spawnp})
 * in the PATH of the environment given, as every prockit spawn does; and descriptors the JVM left open
 * without close-on-exec are not inherited: after the caller's actions, every descriptor from 3 up that
 * no OPEN or DUP2 action targets is closed ({@code addclosefrom_np} on glibc 2.34+, a close per open
 * descriptor before, {@code POSIX_SPAWN_CLOEXEC_DEFAULT} on macOS).
 */
public final class PosixSpawn {
    private final PosixBackend b;
    private final PosixConstants c;
    private final boolean darwin;
    private final Function addclosefrom;

    public PosixSpawn(PosixBackend backend) {
        this.b = backend;
        this.c = backend.c;
        this.darwin = backend.isDarwin();
        Function f = null;
        if (!darwin) {
            try {
                f = LibC.LIBRARY.getFunction("posix_spawn_file_actions_addclosefrom_np");
            } catch (UnsatisfiedLinkError e) {
                f = null;
            }
        }
        this.addclosefrom = f;
    }

    public int spawn(String program, List<String> argv, Map<String, String> env, PosixSpawnAttributes a, boolean search) {
        String op = search ? "posix_spawnp" : "posix_spawn";
        for (int s : a.setsigdef()) {
            checkSignal(op + " setsigdef", s);
        }
        if (a.setsigmask() != null) {
            for (int s : a.setsigmask()) {
                checkSignal(op + " setsigmask", s);
            }
        }
        // A scheduler where the platform has no POSIX_SPAWN_SETSCHEDULER is refused by Os (availability).
        for (FileAction fa : a.fileActions()) {
            if (fa instanceof FileAction.Closefrom && addclosefrom == null) {
                // The C library predates it (glibc < 2.34): the running system does not offer the call.
                throw b.errors.of("posix_spawn_file_actions_addclosefrom_np", program, c.ENOSYS);
            }
        }
        String path = program;
        if (search && !program.contains("/")) {
            PathSearch.Found f = PathSearch.search(program, env.get("PATH"), PosixSystem.realCwdPath());
            if (f.path().isEmpty()) {
                throw b.errors.of(op, program, f.sawNonExecutable() ? c.EACCES : c.ENOENT);
            }
            path = f.path().get();
        }
        List<Memory> keep = new ArrayList<>();
        Memory attr = keepM(keep, new Memory(Math.max(c.SIZEOF_posix_spawnattr_t, 8)));
        Memory fa = keepM(keep, new Memory(Math.max(c.SIZEOF_posix_spawn_file_actions_t, 8)));
        boolean attrInit = false;
        boolean faInit = false;
        try {
            check(LibC.posix_spawnattr_init(attr), "posix_spawnattr_init", path);
            attrInit = true;
            check(LibC.posix_spawn_file_actions_init(fa), "posix_spawn_file_actions_init", path);
            faInit = true;
            int flags = 0;
            if (a.setpgroup() != null) {
                flags |= c.POSIX_SPAWN_SETPGROUP;
                check(LibC.posix_spawnattr_setpgroup(attr, a.setpgroup()), "posix_spawnattr_setpgroup", a.setpgroup());
            }
            if (a.resetids()) {
                flags |= c.POSIX_SPAWN_RESETIDS;
            }
            if (a.setsid()) {
                flags |= c.POSIX_SPAWN_SETSID;
            }
            if (a.setsigmask() != null) {
                flags |= c.POSIX_SPAWN_SETSIGMASK;
                check(LibC.posix_spawnattr_setsigmask(attr, sigset(keep, a.setsigmask())), "posix_spawnattr_setsigmask",
                        a.setsigmask());
            }
            if (!a.setsigdef().isEmpty()) {
                flags |= c.POSIX_SPAWN_SETSIGDEF;
                check(LibC.posix_spawnattr_setsigdefault(attr, sigset(keep, a.setsigdef())),
                        "posix_spawnattr_setsigdefault", a.setsigdef());
            }
            if (a.scheduler() != null) {
                flags |= c.optional("POSIX_SPAWN_SETSCHEDULER").orElseThrow(() -> new UnsupportedOperationException(
                        "posix_spawn scheduler: POSIX_SPAWN_SETSCHEDULER is not available on " + c.os()));
                check(LinuxLibC.posix_spawnattr_setschedpolicy(attr, a.scheduler().policy()), "posix_spawnattr_setschedpolicy",
                        a.scheduler().policy());
                Memory param = keepM(keep, new Memory(8));
                param.clear();
                param.setInt(0, a.scheduler().param().schedPriority());
                check(LinuxLibC.posix_spawnattr_setschedparam(attr, param), "posix_spawnattr_setschedparam",
                        a.scheduler().param());
            }
            if (darwin) {
                flags |= c.optional("POSIX_SPAWN_CLOEXEC_DEFAULT").orElseThrow();
            }
            check(LibC.posix_spawnattr_setflags(attr, (short) flags), "posix_spawnattr_setflags", flags);
            fileActions(a.fileActions(), fa, keep);

            Memory pathMem = keepM(keep, NativeStrings.cString(path));
            Memory argvMem = keepM(keep, NativeStrings.vector(argv));
            List<String> entries = new ArrayList<>(env.size());
            env.forEach((k, v) -> entries.add(k + "=" + v));
            Memory envp = keepM(keep, NativeStrings.vector(entries));
            int[] pid = new int[1];
            int err = LibC.posix_spawn(pid, pathMem, fa, attr, argvMem, envp);
            if (err != 0) {
                throw b.errors.of(op, program, err);
            }
            PosixBackend.LOG.debug("{} pid {}: {} argv={} flags=0x{} actions={}", op, pid[0], path, argv,
                    Integer.toHexString(flags), a.fileActions());
            int pgid = a.setsid() || (a.setpgroup() != null && a.setpgroup() == 0) ? pid[0]
                    : a.setpgroup() != null ? a.setpgroup() : b.ownPgrp();
            b.adopt(pid[0], pgid, pgid == pid[0], new Spawner.Pipes(-1, -1, -1));
            return pid[0];
        } finally {
            if (faInit) {
                LibC.posix_spawn_file_actions_destroy(fa);
            }
            if (attrInit) {
                LibC.posix_spawnattr_destroy(attr);
            }
            for (Memory m : keep) {
                m.close();
            }
        }
    }

    private void fileActions(List<FileAction> actions, Memory fa, List<Memory> keep) {
        Set<Integer> targets = new TreeSet<>(List.of(0, 1, 2));
        boolean closedFrom = false;
        for (FileAction action : actions) {
            if (action instanceof FileAction.Open o) {
                check(LibC.posix_spawn_file_actions_addopen(fa, o.fd(), keepM(keep, NativeStrings.cString(o.path())),
                        o.flags(), o.mode()), "posix_spawn_file_actions_addopen", o.path());
                targets.add(o.fd());
            } else if (action instanceof FileAction.Close cl) {
                check(LibC.posix_spawn_file_actions_addclose(fa, cl.fd()), "posix_spawn_file_actions_addclose", cl.fd());
                targets.remove(cl.fd());
            } else if (action instanceof FileAction.Dup2 d) {
                if (darwin && d.fd() == d.newFd()) {
                    check(DarwinLibC.posix_spawn_file_actions_addinherit_np(fa, d.fd()),
                            "posix_spawn_file_actions_addinherit_np", d.fd());
                } else {
                    check(LibC.posix_spawn_file_actions_adddup2(fa, d.fd(), d.newFd()),
                            "posix_spawn_file_actions_adddup2", d.fd() + "->" + d.newFd());
                }
                targets.add(d.newFd());
            } else if (action instanceof FileAction.Closefrom cf) {
                check(addclosefrom.invokeInt(new Object[] {fa, cf.fd()}), "posix_spawn_file_actions_addclosefrom_np",
                        cf.fd());
                targets.removeIf(t -> t >= cf.fd());
                closedFrom = true;
            }
        }
        if (darwin) {
            // CLOEXEC_DEFAULT closes all but the targets of actions: keep the standard streams the caller did not touch.
            for (int std = 0; std <= 2; std++) {
                if (targets.contains(std) && !touched(actions, std)) {
                    check(DarwinLibC.posix_spawn_file_actions_addinherit_np(fa, std),
                            "posix_spawn_file_actions_addinherit_np", std);
                }
            }
            return;
        }
        int max = targets.stream().mapToInt(Integer::intValue).max().orElse(2);
        for (int fd = 3; fd < max; fd++) {
            if (!targets.contains(fd)) {
                check(LibC.posix_spawn_file_actions_addclose(fa, fd), "posix_spawn_file_actions_addclose", fd);
            }
        }
        if (addclosefrom != null) {
            check(addclosefrom.invokeInt(new Object[] {fa, max + 1}), "posix_spawn_file_actions_addclosefrom_np", max + 1);
        } else if (!closedFrom) {
            java.io.File[] open = new java.io.File("/proc/self/fd").listFiles();
            for (java.io.File f : open == null ? new java.io.File[0] : open) {
                try {
                    int fd = Integer.parseInt(f.getName());
                    if (fd > max) {
                        check(LibC.posix_spawn_file_actions_addclose(fa, fd), "posix_spawn_file_actions_addclose", fd);
                    }
                } catch (NumberFormatException ignored) {
                    // not a descriptor entry
                }
            }
        }
    }

    private static boolean touched(List<FileAction> actions, int fd) {
        for (FileAction a : actions) {
            if ((a instanceof FileAction.Open o && o.fd() == fd) || (a instanceof FileAction.Dup2 d && d.newFd() == fd)
                    || (a instanceof FileAction.Close cl && cl.fd() == fd)) {
                return true;
            }
        }
        return false;
    }

    private void checkSignal(String what, int s) {
        if (s <= 0 || s >= c.NSIG) {
            throw new IllegalArgumentException(what + ": signal number " + s + " out of range 1.." + (c.NSIG - 1));
        }
    }

    private Memory sigset(List<Memory> keep, Set<Integer> signals) {
        Memory m = keepM(keep, new Memory(c.SIZEOF_sigset_t));
        m.clear();
        for (int s : signals) {
            int bit = s - 1;
            m.setByte(bit / 8, (byte) (m.getByte(bit / 8) | (1 << (bit % 8))));
        }
        return m;
    }

    private static Memory keepM(List<Memory> keep, Memory m) {
        keep.add(m);
        return m;
    }

    private void check(int err, String op, Object subject) {
        if (err != 0) {
            throw b.errors.of(op, subject, err);
        }
    }
}
