package io.prockit;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts a new JVM running a given main class: Python multiprocessing's "spawn" start method, and
 * prockit's answer to {@code os.fork()}, which a JVM cannot do safely (only the forking thread
 * survives in the child; the first garbage collection or safepoint deadlocks it).
 *
 * <pre>{@code
 * // Python: pid = os.fork(); if pid == 0: worker(i); os._exit(i)
 * Child worker = JavaChild.of(Worker.class, Integer.toString(i)).spawn();
 * System.out.println(worker.waitFor());              // exit status: i
 *
 * Command cmd = JavaChild.of(Worker.class).jvmOptions("-Xmx64m").command(); // adjust before spawning
 * }</pre>
 *
 * <p>The child runs the same {@code java} binary ({@code java.home}), with the same class path and
 * module path as this JVM, plus the JVM options given here (none by default: the parent's own
 * options such as agents and debug ports are not copied). Its stdio is inherited unless the
 * {@link #command()} says otherwise.
 *
 * <p>Platform notes: the same on every OS; on Windows the program is {@code java.exe}.
 *
 * <p>Availability: Linux, macOS, Windows.
 */
public final class JavaChild {
    private final String mainClass;
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();

    private JavaChild(String mainClass) {
        this.mainClass = mainClass;
    }

    /**
     * A new JVM running {@code mainClass.main(args)}.
     *
     * @param mainClass a class with a {@code public static void main(String[])}, on this JVM's class path or module path
     * @param args      its arguments
     * @return the description, ready to {@link #spawn()}
     */
    public static JavaChild of(Class<?> mainClass, String... args) {
        return of(mainClass.getName(), args);
    }

    /**
     * A new JVM running the named main class.
     *
     * @param mainClass a fully qualified class name
     * @param args      its arguments
     * @return the description
     */
    public static JavaChild of(String mainClass, String... args) {
        Objects.requireNonNull(mainClass, "mainClass");
        io.prockit.internal.Checks.noNul("main class", mainClass);
        JavaChild j = new JavaChild(mainClass);
        for (String a : args) {
            j.args.add(io.prockit.internal.Checks.noNul("argument", a));
        }
        return j;
    }

    /**
     * Adds JVM options ({@code -Xmx64m}, {@code -Dkey=value}, ...).
     *
     * @param options the options
     * @return this
     */
    public JavaChild jvmOptions(String... options) {
        for (String o : options) {
            jvmOptions.add(io.prockit.internal.Checks.noNul("JVM option", o));
        }
        return this;
    }

    /** @return the path of this JVM's {@code java} launcher */
    public static Path javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return bin.resolve(windows ? "java.exe" : "java");
    }

    /** @return a {@link Command} that starts the JVM, to adjust (stdio, environment, directory) before spawning */
    public Command command() {
        Command c = new Command(javaExecutable().toString()).searchPath(false);
        c.args(jvmOptions);
        String cp = System.getProperty("java.class.path");
        String mp = System.getProperty("jdk.module.path");
        if (mp != null && !mp.isEmpty()) {
            c.arg("--module-path").arg(mp);
            c.arg("--add-modules").arg("ALL-MODULE-PATH");
        }
        if (cp != null && !cp.isEmpty()) {
            c.arg("-cp").arg(cp);
        }
        c.arg(mainClass);
        c.args(args);
        return c;
    }

    /**
     * Starts the JVM.
     *
     * @return the running child
     * @throws OsException if the {@code java} launcher cannot be started
     */
    public Child spawn() {
        return command().spawn();
    }

    /** @return this JVM's input arguments ({@code -Xmx...}), for callers who want to pass some on */
    public static List<String> currentJvmOptions() {
        return List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
