package io.prockit.testing;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.ProcessTable;
import io.prockit.Stdio;
import io.prockit.WindowsOptions;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The one child program of every module's tests: plain Java, the same on Linux, macOS and Windows, started
 * with this JVM's {@code java} binary by {@link #command(String...)} (or {@link #argv(String...)} where a test
 * needs the raw argument list). Each argument is one action, {@code verb} or {@code verb:argument}, run in order:
 *
 * <ul>
 *   <li>Output: {@code echo:TEXT} / {@code err:TEXT} a line on stdout / stderr; {@code print:TEXT} /
 *       {@code eprint:TEXT} the text without a line end; {@code spew:N} N bytes on stdout and N on stderr in
 *       alternating chunks; {@code ready} the line {@code ready} (the parent waits for it to know the child runs,
 *       with every earlier action done);</li>
 *   <li>Input: {@code cat} stdin to stdout byte for byte until end of file; {@code count} the number of bytes on
 *       stdin until end of file; {@code readline} waits for one line on stdin and echoes it;</li>
 *   <li>Arguments: {@code args} prints every following argument on a line of its own, in brackets, and nothing
 *       after it runs;</li>
 *   <li>Environment and identity: {@code env:NAME} the value or {@code <unset>}; {@code envall} {@code NAME=VALUE}
 *       lines, sorted; {@code envnames} the names, sorted; {@code cwd}; {@code pid}; {@code ppid};
 *       {@code ids} (POSIX) {@code pid pgid sid}; {@code cmdline} argv from the process table, a line each;
 *       {@code fds} (POSIX) the open descriptors listed from {@code /dev/fd}, as {@code N->target} where the
 *       entry is a link (Linux), else {@code N}; {@code sigs} (Linux) the SigBlk and SigIgn lines of
 *       {@code /proc/self/status}; {@code console} {@code console=true|false};</li>
 *   <li>Time and ending: {@code sleep:MS}; {@code exit:N} halts at once with N (decimal, or {@code 0x...} for
 *       Windows' 32-bit codes); {@code os-exit:N} {@link Os#_exit} after installing a shutdown hook that would
 *       print {@code hook ran}; {@code os-abort} {@link Os#abort};</li>
 *   <li>Signals: {@code ignore:NAME} ignores a signal ({@code TERM}, {@code INT}, {@code HUP}...) from here on,
 *       through the JDK's {@code sun.misc.Signal} (the shell's {@code trap '' NAME}); {@code raise:NAME} sends
 *       the signal to this process ({@link Os#kill}) and waits for it (POSIX; the JVM handles some itself:
 *       {@code TERM} runs the shutdown hooks and exits 143, so {@code KILL} is the one to end "by a signal");</li>
 *   <li>Trees: {@code tree:MS} starts a grandchild (this program, {@code sleep:MS}, through the JDK's
 *       ProcessBuilder, so prockit does not know it), prints its pid, then sleeps MS (a {@link #mark} passes on
 *       to the grandchild); {@code detach-after-line:MS}
 *       reads a line from stdin, starts {@code sleep:MS} with {@link Command#detach()}, prints its pid, sleeps MS;</li>
 *   <li>exec: {@code exec:FORM [NAME=VALUE...] PROGRAM ARG0 ARGS...} (every following argument) replaces this
 *       process through {@code Os.execv / execl / execlp / execvpe / execle} or {@code spawnv(P_OVERLAY)}
 *       ({@code FORM} = {@code execv}, {@code execl}, {@code execlp}, {@code execvpe}, {@code execle},
 *       {@code overlay}); the leading {@code NAME=VALUE} arguments are the environment of the forms that take one.
 *       A failure prints {@code failed KIND OPERATION} and ends with {@code Os._exit(3)}; a call that returns
 *       prints {@code exec returned} and exits 99. {@link #argv(String...)} of another TestChild is a program
 *       and its arguments, so {@code exec:execv} followed by it runs this program again;</li>
 *   <li>Spawning: {@code run-with-env:NAME=VALUE PROGRAM ARGS...} (every following argument) runs the program
 *       with an environment of exactly that variable, its stderr into this process's stdout, and exits with its
 *       exit code (the middle JVM of a test whose own environment is the point);</li>
 *   <li>Sessions (POSIX): {@code setsid} makes this process the leader of a new session and group;</li>
 *   <li>Owner ids (root only, POSIX): {@code become-nobody} drops for good to uid and gid 65534 with no groups;
 *       {@code nice:N} prints {@code ALLOWED n} or {@code errno KIND operation}; {@code probe:PID} sends signal 0
 *       and prints {@code SENT} or {@code KIND message}; {@code dropids} seed 001's Process Owner example (drop
 *       to nobody, then the way back refused); {@code setres} sets and reads the saved ids;</li>
 *   <li>Windows: {@code echo-through-cmd:FLAGS:TEXT} runs {@code cmd /c echo TEXT} with every stream inherited
 *       and the creation flags FLAGS (e.g. {@code 0x10}, CREATE_NEW_CONSOLE), waits, prints {@code done}.</li>
 * </ul>
 *
 * <p>Text is UTF-8 whatever the platform's console encoding (with stdout a pipe, a Windows JVM would encode in
 * the ANSI code page); lines end as the platform ends them, so tests split on {@code \R} ({@link Children#lines}).
 * An unknown verb or a failing action ends the child with a stack trace and a non-zero status.
 */
public final class TestChild {
    /** JVM options that start the child quickly: it runs for milliseconds, so no JIT tiers or parallel GC. */
    public static final List<String> FAST_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");

    private static final String MARK = "prockit.mark";

    /** Set by {@link #main} only: a test JVM that merely builds a command never wraps its own descriptors. */
    private static PrintStream OUT;
    private static PrintStream ERR;

    private TestChild() {
    }

    /**
     * @param verbs the actions, in order
     * @return a command that runs this child with those actions (this JVM's java, class path and module path)
     */
    public static Command command(String... verbs) {
        return JavaChild.of(TestChild.class, verbs).jvmOptions(FAST_JVM.toArray(String[]::new)).command();
    }

    /**
     * @param verbs the actions, in order
     * @return the argument list of {@link #command(String...)}: the java binary first, the verbs last
     */
    public static List<String> argv(String... verbs) {
        return command(verbs).argv();
    }

    /**
     * @param jvmOptions options put right after the java binary (e.g. {@code -Xrs})
     * @param verbs      the actions, in order
     * @return {@link #argv(String...)} with the options added
     */
    public static List<String> argv(List<String> jvmOptions, String... verbs) {
        List<String> argv = new ArrayList<>(argv(verbs));
        argv.addAll(1, jvmOptions);
        return argv;
    }

    /**
     * @param actions the actions, in order
     * @throws Exception if an action fails (the child then exits non-zero with a stack trace)
     */
    public static void main(String[] actions) throws Exception {
        OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(OUT);
        System.setErr(ERR);
        for (int i = 0; i < actions.length; i++) {
            String a = actions[i];
            int colon = a.indexOf(':');
            String verb = colon < 0 ? a : a.substring(0, colon);
            String arg = colon < 0 ? "" : a.substring(colon + 1);
            List<String> rest = Arrays.asList(actions).subList(i + 1, actions.length);
            switch (verb) {
                case "echo" -> OUT.println(arg);
                case "err", "stderr" -> ERR.println(arg);
                case "print" -> OUT.print(arg);
                case "eprint" -> ERR.print(arg);
                case "spew" -> spew(Integer.parseInt(arg));
                case "ready" -> OUT.println("ready");
                case "cat" -> {
                    OUT.flush();
                    System.in.transferTo(new FileOutputStream(FileDescriptor.out));
                }
                case "count" -> OUT.println(System.in.transferTo(OutputStream.nullOutputStream()));
                case "readline" -> OUT.println(stdinLine());
                case "args" -> {
                    rest.forEach(r -> OUT.println("[" + r + "]"));
                    return;
                }
                case "env" -> {
                    String v = System.getenv(arg);
                    OUT.println(v == null ? "<unset>" : v);
                }
                case "envall" -> new TreeMap<>(System.getenv()).forEach((k, v) -> OUT.println(k + "=" + v));
                case "envnames" -> new TreeSet<>(System.getenv().keySet()).forEach(OUT::println);
                case "cwd" -> OUT.println(Path.of("").toAbsolutePath());
                case "pid" -> OUT.println(ProcessHandle.current().pid());
                case "ppid" -> OUT.println(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
                case "ids" -> OUT.println(ProcessHandle.current().pid() + " " + Os.getpgid(0) + " " + Os.getsid(0));
                case "cmdline" -> ProcessTable.self().cmdline().forEach(OUT::println);
                case "fds" -> OUT.println(String.join(" ", openFds()));
                case "sigs" -> {
                    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) { // os-scan: Linux only
                        if (line.startsWith("SigBlk:") || line.startsWith("SigIgn:")) {
                            OUT.println(line.replace("\t", " "));
                        }
                    }
                }
                case "console" -> OUT.println("console=" + (System.console() != null));
                case "sleep" -> Thread.sleep(Long.parseLong(arg));
                case "exit" -> {
                    OUT.flush();
                    ERR.flush();
                    Runtime.getRuntime().halt((int) Long.decode(arg).longValue());
                }
                case "os-exit" -> {
                    OUT.flush();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> OUT.println("hook ran")));
                    Os._exit(Integer.parseInt(arg));
                }
                case "os-abort" -> Os.abort();
                case "ignore" -> ignore(arg);
                case "raise" -> {
                    OUT.flush();
                    Os.kill((int) ProcessHandle.current().pid(), io.prockit.Signal.of(arg).number());
                    Thread.sleep(Long.MAX_VALUE); // until it lands (a handled one, e.g. TERM's hooks, ends the JVM)
                }
                case "tree" -> {
                    Process p = new ProcessBuilder(argv(marked(), "sleep:" + arg))
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    OUT.println(p.pid());
                    Thread.sleep(Long.parseLong(arg));
                }
                case "detach-after-line" -> {
                    stdinLine();
                    Child d = Command.of(argv(marked(), "sleep:" + arg)).detach().spawn();
                    OUT.println(d.pid());
                    Thread.sleep(Long.parseLong(arg));
                }
                case "exec" -> {
                    exec(arg, rest);
                    return;
                }
                case "run-with-env" -> {
                    int eq = arg.indexOf('=');
                    ExitStatus st = Command.of(rest).environment(Map.of(arg.substring(0, eq), arg.substring(eq + 1)))
                            .stdin(Stdio.discard()).stderr(Stdio.toStdout()).status();
                    OUT.flush();
                    Runtime.getRuntime().halt(st.code().orElse(-1));
                }
                case "setsid" -> Os.setsid();
                case "become-nobody" -> {
                    Os.setgroups(new int[0]);
                    Os.setgid(65534);
                    Os.setuid(65534);
                }
                case "nice" -> {
                    try {
                        OUT.println("ALLOWED " + Os.nice(Integer.parseInt(arg)));
                    } catch (OsException e) {
                        OUT.println(e.errno() + " " + e.kind() + " " + e.operation());
                    }
                }
                case "probe" -> {
                    try {
                        Os.kill(Integer.parseInt(arg), 0);
                        OUT.println("SENT");
                    } catch (OsException e) {
                        OUT.println(e.kind() + " " + e.getMessage());
                    }
                }
                case "dropids" -> dropIds();
                case "setres" -> {
                    Os.setresgid(65534, 65534, 65534);
                    Os.setresuid(65534, 65534, 0);
                    int[] u = Os.getresuid();
                    OUT.println("res " + u[0] + " " + u[1] + " " + u[2]);
                    Os.setresuid(-1, 0, -1); // the saved id 0 allows taking root back
                    OUT.println("euid " + Os.geteuid());
                }
                case "echo-through-cmd" -> {
                    int c2 = arg.indexOf(':');
                    Command.of("cmd.exe", "/d", "/c", "echo " + arg.substring(c2 + 1))
                            .windowsOptions(WindowsOptions.defaults()
                                    .withCreationFlags(Integer.decode(arg.substring(0, c2))))
                            .status();
                    OUT.println("done");
                }
                default -> throw new IllegalArgumentException("unknown action: " + a);
            }
        }
        OUT.flush();
        ERR.flush();
    }

    /**
     * @param token a marker for the child's command line
     * @return the JVM option that carries it ({@code -Dprockit.mark=TOKEN}): a test finds its own processes by it
     *         in the process table, and {@code tree} / {@code detach-after-line} pass it on to the grandchild
     */
    public static List<String> mark(String token) {
        return List.of("-D" + MARK + "=" + token);
    }

    private static List<String> marked() {
        String token = System.getProperty(MARK);
        return token == null ? List.of() : mark(token);
    }

    private static String stdinLine() throws IOException {
        // Not buffered beyond the line: a later "cat" must still see what follows it.
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        InputStream in = System.in;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void spew(int n) throws IOException {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        OUT.flush();
        ERR.flush();
        byte[] chunk = new byte[8192];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) ('a' + i % 26);
        }
        for (int left = n; left > 0; left -= chunk.length) {
            int len = Math.min(left, chunk.length);
            out.write(chunk, 0, len);
            err.write(chunk, 0, len);
        }
    }

    /** {@code sun.misc.Signal.handle(new Signal(name), SignalHandler.SIG_IGN)}, by reflection (jdk.unsupported). */
    private static void ignore(String name) throws ReflectiveOperationException {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Class<?> handler = Class.forName("sun.misc.SignalHandler");
        Object ign = handler.getField("SIG_IGN").get(null);
        signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance(name),
                ign);
    }

    private static void exec(String form, List<String> rest) {
        Map<String, String> env = new LinkedHashMap<>();
        boolean takesEnv = form.equals("execvpe") || form.equals("execle");
        int at = 0;
        while (takesEnv && at < rest.size() && rest.get(at).indexOf('=') > 0) {
            String kv = rest.get(at++);
            env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        String program = rest.get(at);
        List<String> argv = rest.subList(at + 1, rest.size());
        String[] tail = argv.subList(1, argv.size()).toArray(String[]::new);
        try {
            switch (form) {
                case "execv" -> Os.execv(program, argv);
                case "execl" -> Os.execl(program, argv.get(0), tail);
                case "execlp" -> Os.execlp(program, argv.get(0), tail);
                case "execvpe" -> Os.execvpe(program, argv, env);
                case "execle" -> Os.execle(program, env, argv.get(0), tail);
                case "overlay" -> Os.spawnv(Os.P_OVERLAY, program, argv);
                default -> throw new IllegalArgumentException("unknown exec form: " + form);
            }
        } catch (OsException e) {
            OUT.println("failed " + e.kind() + " " + e.operation());
            Os._exit(3);
        }
        OUT.println("exec returned");
        System.exit(99);
    }

    /** Seed 001's Process Owner example as root: drop to nobody, then the way back is refused. */
    private static void dropIds() {
        OUT.println("before " + Os.getuid() + " " + Os.geteuid() + " " + Os.getgid() + " " + Os.getegid());
        Os.setgroups(new int[0]);
        OUT.println("groups " + Os.getgroups().length);
        Os.setegid(65534);
        Os.seteuid(65534);
        OUT.println("effective " + Os.getuid() + " " + Os.geteuid() + " " + Os.getgid() + " " + Os.getegid());
        Os.seteuid(0);
        Os.setregid(65534, 65534);
        Os.setreuid(65534, 65534);
        OUT.println("after " + Os.getuid() + " " + Os.geteuid() + " " + Os.getgid() + " " + Os.getegid());
        try {
            Os.setuid(0);
            OUT.println("setuid(0) succeeded");
        } catch (OsException e) {
            OUT.println("setuid(0) " + e.kind() + " errno " + e.errno());
        }
        try {
            Os.initgroups("root", 0);
            OUT.println("initgroups succeeded");
        } catch (OsException e) {
            OUT.println("initgroups " + e.kind());
        }
    }

    /** The names under /dev/fd, as {@code N->target} where the entry is a link (Linux), else {@code N} (macOS). */
    private static List<String> openFds() throws IOException {
        List<String> r = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/dev/fd"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    r.add(Files.isSymbolicLink(p) ? p.getFileName() + "->" + Files.readSymbolicLink(p)
                            : p.getFileName().toString());
                } catch (IOException gone) {
                    // the directory stream's own fd, closed by now
                }
            }
        }
        return r;
    }
}
