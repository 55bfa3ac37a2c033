package io.prockit.posix.pty;

import io.prockit.FileAction;
import io.prockit.OpenptyResult;
import io.prockit.Os;
import io.prockit.PosixSpawnAttributes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The macOS way of giving the child its controlling terminal, exercised on Linux: there the file actions
 * open the slave with {@code O_NOCTTY} (as they do on macOS, where they run before {@code setsid}), and the
 * backend's bash script re-opens it inside the new session and {@code exec}s the program. Linux acquires
 * the terminal on that re-open by the same rule as Darwin (first open without {@code O_NOCTTY} by a session
 * leader without one), so the script, its argument passing and {@code exec -a} are checked here for real;
 * the control run without the script shows the file actions alone do not give a terminal.
 */
@EnabledOnOs(OS.LINUX) // the macOS shim checked where file actions alone already give a terminal; on macOS PtyTest runs it
class DarwinPtyShimTest {

    @SuppressWarnings("unchecked")
    private static List<String> darwinArgv(String slave, String program, List<String> argv) throws Exception {
        Class<?> pty = Class.forName("io.prockit.posix.spawn.PtySpawn");
        Method m = pty.getDeclaredMethod("darwinArgv", String.class, String.class, List.class);
        m.setAccessible(true);
        return (List<String>) m.invoke(null, slave, program, argv);
    }

    private static String shell() throws Exception {
        var f = Class.forName("io.prockit.posix.spawn.PtySpawn").getDeclaredField("DARWIN_SHELL");
        f.setAccessible(true);
        return (String) f.get(null);
    }

    /** Spawns like the backend does on macOS (or, with {@code throughShell} false, without the script). */
    private static String run(boolean throughShell, List<String> argv) throws Exception {
        OpenptyResult p = Os.openpty();
        Os.close(p.slaveFd()); // the child opens it by name
        try {
            String program = argv.get(0).startsWith("/") ? argv.get(0) : "/bin/cat";
            String exe = throughShell ? shell() : program;
            List<String> args = throughShell ? darwinArgv(p.slaveName(), program, argv) : argv;
            int pid = Os.posixSpawn(exe, args, Os.environ(), PosixSpawnAttributes.defaults().withSetsid(true)
                    .withFileActions(List.of(FileAction.open(0, p.slaveName(), Os.O_RDWR | io.prockit.posix.linux.LinuxConstants.O_NOCTTY, 0),
                            FileAction.dup2(0, 1), FileAction.dup2(0, 2))));
            String text = io.prockit.posix.Procs.readMaster(p.masterFd());
            assertEquals(0, Os.waitstatusToExitcode(Os.waitpid(pid, 0).status()), text);
            return pid + "|" + text;
        } finally {
            Os.close(p.masterFd());
        }
    }

    @Test
    void theShellMakesTheSlaveTheControllingTerminalAndKeepsArgv() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(shell())), shell() + " is absent");
        // cat prints its own argv (NUL-separated) and its stat line: same pid as spawned, argv0 as given.
        String out = run(true, List.of("my cat", "/proc/self/cmdline", "/proc/self/stat"));
        int pid = Integer.parseInt(out.substring(0, out.indexOf('|')));
        String text = out.substring(out.indexOf('|') + 1);
        assertTrue(text.startsWith("my cat\0/proc/self/cmdline\0/proc/self/stat\0"), text);
        String stat = text.substring(text.lastIndexOf('\0') + 1);
        assertTrue(stat.startsWith(pid + " (cat) "), "exec kept the pid the spawn returned: " + stat);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertEquals(pid, Integer.parseInt(f[3]), "session leader");
        assertNotEquals(0, Integer.parseInt(f[4]), "a controlling terminal: " + stat);
        assertEquals(pid, Integer.parseInt(f[5]), "in the foreground");
    }

    @Test
    void argumentsWithShellSyntaxPassUntouched() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(shell())), shell() + " is absent");
        String out = run(true, List.of("/bin/echo", "$HOME", "a b", "'q'", "`id`", "-e", ""));
        String text = out.substring(out.indexOf('|') + 1);
        assertEquals("$HOME a b 'q' `id` -e \r\n", text);
    }

    @Test
    void aSlaveTheShellCannotOpenEndsIt126() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(shell())), shell() + " is absent");
        // Invoked as sh, bash is in POSIX mode, where a failed redirection on the special builtin exec ends
        // the shell at once (status 1): "|| exit 126" is reached only through "command exec".
        int pid = Os.posixSpawn(shell(), darwinArgv("/nonexistent/prockit-slave", shell(), List.of("prog")),
                Os.environ(), PosixSpawnAttributes.defaults().withFileActions(
                        List.of(FileAction.open(2, "/dev/null", Os.O_WRONLY, 0))));
        assertEquals(126, Os.waitstatusToExitcode(Os.waitpid(pid, 0).status()));
    }

    @Test
    void withoutTheShellAnONocttyOpenGivesNoTerminal() throws Exception {
        String out = run(false, List.of("/bin/cat", "/proc/self/stat"));
        String stat = out.substring(out.indexOf('|') + 1);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertEquals(0, Integer.parseInt(f[4]), "no controlling terminal: " + stat);
    }

}
