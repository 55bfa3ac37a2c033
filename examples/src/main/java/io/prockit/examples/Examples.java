package io.prockit.examples;

import io.prockit.examples.killing.KillBySubstring;
import io.prockit.examples.killing.KillChild;
import io.prockit.examples.killing.KillOlderThan;
import io.prockit.examples.killing.KillParent;
import io.prockit.examples.killing.KillSelf;
import io.prockit.examples.killing.ListProcesses;
import io.prockit.examples.killing.PidsByName;
import io.prockit.examples.killing.StopContinue;
import io.prockit.examples.killing.Taskkill;
import io.prockit.examples.pydocs.ExecvEcho;
import io.prockit.examples.pydocs.SpawnCp;
import io.prockit.examples.pydocs.WaitstatusToExitcode;
import io.prockit.examples.pymotw.CwdExample;
import io.prockit.examples.pymotw.EnvironExample;
import io.prockit.examples.pymotw.ExecExample;
import io.prockit.examples.pymotw.ForkExample;
import io.prockit.examples.pymotw.KillExample;
import io.prockit.examples.pymotw.Popen2Example;
import io.prockit.examples.pymotw.Popen2SeqExample;
import io.prockit.examples.pymotw.Popen3Example;
import io.prockit.examples.pymotw.Popen4Example;
import io.prockit.examples.pymotw.PopenExample;
import io.prockit.examples.pymotw.ProcessIds;
import io.prockit.examples.pymotw.ProcessUser;
import io.prockit.examples.pymotw.SpawnExample;
import io.prockit.examples.pymotw.SystemBackground;
import io.prockit.examples.pymotw.SystemExample;
import io.prockit.examples.pymotw.SystemShell;
import io.prockit.examples.pymotw.WaitExample;
import io.prockit.examples.pymotw.WaitpidExample;
import io.prockit.examples.windows.CtrlEvents;
import io.prockit.examples.windows.StartFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of seed examples, in the order {@code list} and {@code all} show them.
 *
 * <pre>{@code
 * Examples.find("os-spawn").orElseThrow().body().run(new String[0]);
 * }</pre>
 *
 * <p>Adding an example is one {@link #add} line here.
 *
 * <p>Platform notes: every example is listed on every OS; {@link Example#platform()} says where it runs.
 */
public final class Examples {
    private static final String PYMOTW = "001/004 PyMOTW os: ";
    private static final String PYDOCS = "000/002 Python docs, os: ";
    private static final String KILL_PID = "003 kill by pid: ";
    private static final String KILL_NAME = "003 kill by name: ";

    private static final Map<String, Example> ALL = new LinkedHashMap<>();

    static {
        // PyMOTW os (seeds 001 and 004)
        add("os-process-user", "real and effective user and group ids; setegid then seteuid, as root and as a user",
                PYMOTW + "os_process_user_example.py", Platform.POSIX, true, ProcessUser::main);
        add("os-process-ids", "pid, parent pid, process group, session, controlling terminal; a child in a new session",
                PYMOTW + "Process Owner (ids, group, session, terminal)", Platform.POSIX, true, ProcessIds::main);
        add("os-environ", "a variable set, changed and removed, as a child shell sees it through system()",
                PYMOTW + "os_environ_example.py", Platform.POSIX, true, EnvironExample::main);
        add("os-cwd", "getcwd(), then chdir(os.pardir)", PYMOTW + "os_cwd_example.py", Platform.POSIX, true,
                CwdExample::main);
        add("os-popen", "popen(cmd, 'r') reads a command's output; popen(cmd, 'w') writes its input",
                PYMOTW + "os_popen.py", Platform.POSIX, true, PopenExample::main);
        add("os-popen2", "popen2('cat -'): write to its stdin, read its stdout", PYMOTW + "os_popen2.py",
                Platform.POSIX, true, Popen2Example::main);
        add("os-popen3", "popen3(): stdin, stdout and stderr as three pipes", PYMOTW + "os_popen3.py",
                Platform.POSIX, true, Popen3Example::main);
        add("os-popen4", "popen4(): stdin, and stdout and stderr in one pipe", PYMOTW + "os_popen4.py",
                Platform.POSIX, true, Popen4Example::main);
        add("os-popen2-seq", "popen2(['cat', '-']): an argument list, no shell", PYMOTW + "os_popen2_seq.py",
                Platform.POSIX, true, Popen2SeqExample::main);
        add("os-system", "system('ls -l'): run a command line through the shell", PYMOTW + "os_system_example.py",
                Platform.POSIX, true, SystemExample::main);
        add("os-system-shell", "system('ls -ld $TMPDIR'): the shell expands variables", PYMOTW + "os_system_shell.py",
                Platform.POSIX, true, SystemShell::main);
        add("os-system-background", "system('date; (sleep 1; date) &'): a background job outlives system()",
                PYMOTW + "os_system_background.py", Platform.POSIX, true, SystemBackground::main);
        add("os-fork", "fork(): parent and child print [JavaChild: a JVM cannot fork]",
                PYMOTW + "os_fork_example.py", Platform.ANY, true, ForkExample::main);
        add("os-kill", "fork, then the parent sends SIGUSR1 to the child, whose handler prints it"
                        + " [JavaChild: a JVM cannot fork]",
                PYMOTW + "os_kill_example.py", Platform.POSIX, true, KillExample::main);
        add("os-exec", "fork, execlp('ls', 'ls', '-l', '/tmp/') in the child, waitpid in the parent"
                        + " [JavaChild: a JVM cannot fork]",
                PYMOTW + "os_exec_example.py", Platform.POSIX, true, ExecExample::main);
        add("os-wait", "three workers exit 0, 1, 2; wait() for any prints (pid, 0), (pid, 256), (pid, 512)"
                        + " [JavaChild: a JVM cannot fork]",
                PYMOTW + "os_wait_example.py", Platform.POSIX, true, WaitExample::main);
        add("os-waitpid", "three workers exit 0, 1, 2; waitpid() for each in turn [JavaChild: a JVM cannot fork]",
                PYMOTW + "os_waitpid_example.py", Platform.POSIX, true, WaitpidExample::main);
        add("os-spawn", "spawnlp(P_WAIT, 'ls', 'ls', '-l', '/tmp/'): start a program and wait for it",
                PYMOTW + "os_spawn_example.py", Platform.POSIX, true, SpawnExample::main);
        // Python docs (seeds 000 and 002)
        add("execv-echo", "execv('/bin/echo', ['foo', 'bar']) prints only 'bar': argv[0] is the program's name",
                PYDOCS + "exec*()", Platform.POSIX, true, ExecvEcho::main);
        add("spawn-cp", "spawnlp(P_WAIT, 'cp', ...) and spawnvpe(P_WAIT, 'cp', L, os.environ) are equivalent",
                PYDOCS + "spawn*()", Platform.POSIX, true, SpawnCp::main);
        add("waitstatus-to-exitcode", "waitstatus_to_exitcode(): exit code, -signal, and ValueError when stopped",
                PYDOCS + "waitstatus_to_exitcode()", Platform.POSIX, true, WaitstatusToExitcode::main);
        // Killing by pid (seed 003)
        add("kill-self", "a process kills itself with SIGKILL (run as a child, to show how it ended)",
                KILL_PID + "os.kill(getpid(), SIGKILL)", Platform.POSIX, true, KillSelf::main);
        add("kill-child", "a parent kills its child with SIGKILL; the exit code is -SIGKILL",
                KILL_PID + "kill(child.pid, SIGKILL)", Platform.POSIX, true, KillChild::main);
        add("kill-parent", "a child kills its parent (a process this example starts) with SIGKILL",
                KILL_PID + "kill(parent_process().pid, SIGKILL)", Platform.POSIX, true, KillParent::main);
        add("stop-continue", "SIGSTOP then SIGCONT to a child; it prints after it is continued"
                        + " [JavaChild: a JVM cannot fork]",
                KILL_PID + "os.kill(pID, SIGSTOP); os.kill(pID, SIGCONT)", Platform.POSIX, true,
                StopContinue::main);
        // Killing by name (seed 003)
        add("ps-list", "list every process's name (psutil.process_iter)", KILL_NAME + "psutil process_iter()",
                Platform.ANY, true, ListProcesses::main);
        add("kill-by-substring", "kill the processes whose name contains any of some strings (its own processes)",
                KILL_NAME + "pykill.py", Platform.POSIX, true, KillBySubstring::main);
        add("pids-by-name", "pids() + Process(pid).name(), skipping NoSuchProcess / AccessDenied / ZombieProcess",
                KILL_NAME + "psutil.pids() loop", Platform.POSIX, true, PidsByName::main);
        add("taskkill", "taskkill /F /PID pid and taskkill /F /IM name, without a shell",
                KILL_NAME + "taskkill /F /IM, /F /PID", Platform.POSIX, true, Taskkill::main);
        add("kill-older-than", "terminate the processes of a name that have run longer than a limit",
                KILL_NAME + "WMI CreationDate", Platform.POSIX, true, KillOlderThan::main);
        // Windows only (seeds 000, 002, 003)
        add("startfile", "startfile(path): open a file with its associated application (opens a window)",
                PYDOCS + "startfile()", Platform.WINDOWS, false, StartFile::main);
        add("ctrl-events", "kill(pid, CTRL_C_EVENT / CTRL_BREAK_EVENT) to a console child in its own group",
                "002/003 os.kill on Windows", Platform.WINDOWS, true, CtrlEvents::main);
    }

    private Examples() {
    }

    private static void add(String name, String description, String seed, Platform platform, boolean inAll,
                            Example.Body body) {
        Example e = new Example(name, description, seed, platform, inAll, body);
        if (ALL.putIfAbsent(name, e) != null) {
            throw new IllegalStateException("two examples named " + name);
        }
    }

    /** @return every example, in registration order */
    public static List<Example> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * Finds an example by name.
     *
     * @param name its name, e.g. {@code "os-spawn"}
     * @return the example, or empty
     */
    public static Optional<Example> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }
}
