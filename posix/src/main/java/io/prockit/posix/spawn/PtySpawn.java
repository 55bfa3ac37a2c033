package io.prockit.posix.spawn;

import com.sun.jna.LastErrorException;
import io.prockit.PtyOptions;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.os.PosixSystem;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The pseudo-terminal part of one spawn ({@code Command.pty}): the master opened in the parent and the
 * parent's three descriptors on it, and why the file actions {@link SpawnPlan} plans for a pty (the slave
 * opened as 0, then copied to 1 and 2) make the slave the child's stdin, stdout, stderr and controlling
 * terminal.
 *
 * <p>Linux: glibc's {@code posix_spawn} applies {@code POSIX_SPAWN_SETSID} before the file actions
 * (the child calls {@code setsid()} first, then runs the actions), so the child is a session leader
 * without a controlling terminal when the first file action opens the slave without {@code O_NOCTTY};
 * the kernel's {@code tty_open} then makes it the controlling terminal. Descriptors 1 and 2 are
 * {@code dup2} copies of 0.
 *
 * <p>macOS: {@code posix_spawn} runs the file actions before {@code setsid} (xnu
 * {@code bsd/kern/kern_exec.c}), and {@code setsid} clears the controlling terminal flag, so an open in a
 * file action cannot give the child its terminal, and there is no spawn attribute for {@code TIOCSCTTY}.
 * The file actions still put the slave on 0, 1 and 2 (opened with {@code O_NOCTTY}); the program is then
 * started through {@code /bin/bash} (invoked as {@code sh}, so it runs in POSIX mode and ignores
 * {@code BASH_ENV}), which, now a session leader, opens the slave again with {@code <>} (bash opens
 * without {@code O_NOCTTY}; on Darwin the first such terminal open by a session leader issues
 * {@code TIOCSCTTY}, xnu {@code open1()}) and {@code exec}s the program with {@code exec -a argv0}, so
 * the pid, argv (argv0 included) and the program are the caller's. The slave path and every argument are
 * positional parameters of the script, never part of its text. bash may add {@code SHLVL}, {@code PWD}
 * and {@code _} to the environment the program sees. A missing or non-executable program is refused in
 * the parent ({@link #darwinCheck}) as {@code posix_spawn} would refuse it; an executable without a
 * {@code #!} line, which {@code posix_spawn} refuses with {@code ENOEXEC}, is run by bash as a script.
 * This path is exercised on Linux by {@code DarwinPtyShimTest}, which opens the slave {@code O_NOCTTY}
 * in the file actions as macOS does and lets the script acquire it (Linux follows the same
 * first-open rule).
 *
 * <p>Descriptors: the master is opened {@code O_RDWR | O_NOCTTY | O_CLOEXEC} (on Darwin the master is a
 * terminal too, and opening it without {@code O_NOCTTY} could make it the parent's controlling
 * terminal); the window size is set on it before the spawn, so the child sees it from its first
 * instruction. The parent keeps the master for {@code TIOCSWINSZ} and two close-on-exec duplicates, one
 * written as the child's stdin and one read as its stdout, so closing either stream leaves the other and
 * the resizing working. All three are numbered 3 or more.
 */
final class PtySpawn {
    private static final Logger LOG = LoggerFactory.getLogger(PtySpawn.class);
    /** The shell that makes the slave the controlling terminal on macOS. */
    static final String DARWIN_SHELL = "/bin/bash";

    /**
     * $1: the slave path; $2: argv0; $3: the program (an absolute path); the rest: its arguments. The
     * redirection re-opens the slave in the new session (acquiring it) and puts it on 0, 1 and 2. It runs
     * through {@code command}: invoked as {@code sh}, bash is in POSIX mode, where a failed redirection on
     * the special builtin {@code exec} ends the shell at once with status 1, so {@code || exit 126} would
     * never run; {@code command} takes away that special-builtin property (POSIX, "command").
     */
    static final String DARWIN_SCRIPT =
            "command exec <>\"$1\" >&0 2>&0 || exit 126; a=$2; shift 2; exec -a \"$a\" \"$@\"";

    private final int master;
    private final int input;
    private final int output;
    private final String slave;

    private PtySpawn(int master, int input, int output, String slave) {
        this.master = master;
        this.input = input;
        this.output = output;
        this.slave = slave;
    }

    /**
     * Opens a master of the given size and its two duplicates.
     *
     * @param c      the constants
     * @param errors turns errno into exceptions
     * @param sys    {@code ptsname} and the window size
     * @param size   the window size
     * @param opened receives every descriptor as soon as it is open, so the caller closes them if the
     *               spawn fails
     * @return the terminal
     */
    static PtySpawn open(PosixConstants c, Errors errors, PosixSystem sys, PtyOptions size, IntConsumer opened) {
        int master;
        try {
            master = LibC.posix_openpt(c.O_RDWR | c.O_NOCTTY | c.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw errors.of("posix_openpt", null, e);
        }
        opened.accept(master);
        try {
            LibC.grantpt(master);
        } catch (LastErrorException e) {
            throw errors.of("grantpt", master, e);
        }
        try {
            LibC.unlockpt(master);
        } catch (LastErrorException e) {
            throw errors.of("unlockpt", master, e);
        }
        String slave = sys.ptsname(master);
        sys.setWindowSize(master, size.rows(), size.columns());
        int dupCloexec = c.optional("F_DUPFD_CLOEXEC").orElseThrow();
        int input = dup(errors, master, dupCloexec);
        opened.accept(input);
        int output = dup(errors, master, dupCloexec);
        opened.accept(output);
        LOG.debug("pty: master {} (stdin {}, stdout {}), slave {}, {}x{}", master, input, output, slave,
                size.rows(), size.columns());
        return new PtySpawn(master, input, output, slave);
    }

    private static int dup(Errors errors, int fd, int dupCloexec) {
        try {
            return LibCVarargs.INSTANCE.fcntl(fd, dupCloexec, 3);
        } catch (LastErrorException e) {
            throw errors.of("fcntl(F_DUPFD_CLOEXEC)", fd, e);
        }
    }

    /** @return the slave's path, e.g. {@code /dev/pts/3} or {@code /dev/ttys004} */
    String slave() {
        return slave;
    }

    /** @return the parent's ends: stdin and stdout on the master's duplicates, no stderr, and the master */
    Spawner.Pipes parentEnds() {
        return new Spawner.Pipes(input, output, -1, master);
    }

    /**
     * The argv of the macOS shell that acquires the terminal and execs the program.
     *
     * @param slave   the slave path
     * @param program the program's absolute path
     * @param argv    the program's argv (argv0 first)
     * @return {@code sh -c SCRIPT prockit-pty slave argv0 program args...}
     */
    static List<String> darwinArgv(String slave, String program, List<String> argv) {
        List<String> out = new ArrayList<>(argv.size() + 6);
        out.add("sh");
        out.add("-c");
        out.add(DARWIN_SCRIPT);
        out.add("prockit-pty");
        out.add(slave);
        out.add(argv.get(0));
        out.add(program);
        out.addAll(argv.subList(1, argv.size()));
        return out;
    }

    /**
     * macOS: what {@code posix_spawn} would report for the program before the shell is started, so a
     * missing or non-executable program is an exception in the parent, not a shell exiting 126 or 127.
     *
     * @param program the resolved program path
     * @param c       the constants
     * @return 0 if it can be executed, else ENOENT or EACCES
     */
    static int darwinCheck(String program, PosixConstants c) {
        Path p = Path.of(program);
        if (!Files.exists(p)) {
            return c.ENOENT;
        }
        if (Files.isDirectory(p) || !Files.isExecutable(p)) {
            return c.EACCES;
        }
        return 0;
    }
}
