package io.prockit.contract;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * The child of {@link BackendContract}: plain Java, the same on every OS, started with this JVM's
 * {@code java} binary ({@link io.prockit.JavaChild}). Each argument is one action, run in order:
 * <ul>
 *   <li>{@code echo:TEXT}, {@code err:TEXT}: a line on stdout, on stderr;</li>
 *   <li>{@code args}: every following argument on a line of its own, in brackets; nothing after it runs;</li>
 *   <li>{@code env:NAME}: the variable's value, or {@code <unset>};</li>
 *   <li>{@code envnames}: the names of all variables, one a line, sorted;</li>
 *   <li>{@code cwd}: the working directory; {@code pid}: the process id;</li>
 *   <li>{@code cat}: stdin to stdout, byte for byte, until end of file;</li>
 *   <li>{@code spew:N}: N bytes on stdout and N on stderr, in alternating chunks;</li>
 *   <li>{@code ready}: the line {@code ready} (the parent reads it to know the child runs);</li>
 *   <li>{@code sleep:MS}; {@code exit:N} (exits at once with N).</li>
 * </ul>
 * Text is UTF-8 whatever the platform's console encoding; lines end as the platform ends them, so the
 * tests split on {@code \R}.
 */
public final class ContractChild {
    private ContractChild() {
    }

    /**
     * @param actions the actions, in order
     * @throws Exception if an action fails (the child then exits non-zero with a stack trace)
     */
    public static void main(String[] actions) throws Exception {
        OutputStream rawOut = new FileOutputStream(FileDescriptor.out);
        OutputStream rawErr = new FileOutputStream(FileDescriptor.err);
        PrintStream out = new PrintStream(rawOut, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(rawErr, true, StandardCharsets.UTF_8);
        for (int i = 0; i < actions.length; i++) {
            String a = actions[i];
            int colon = a.indexOf(':');
            String verb = colon < 0 ? a : a.substring(0, colon);
            String arg = colon < 0 ? "" : a.substring(colon + 1);
            switch (verb) {
                case "echo" -> out.println(arg);
                case "err" -> err.println(arg);
                case "args" -> {
                    for (int j = i + 1; j < actions.length; j++) {
                        out.println("[" + actions[j] + "]");
                    }
                    return;
                }
                case "env" -> {
                    String v = System.getenv(arg);
                    out.println(v == null ? "<unset>" : v);
                }
                case "envnames" -> new TreeSet<>(System.getenv().keySet()).forEach(out::println);
                case "cwd" -> out.println(Path.of("").toAbsolutePath());
                case "pid" -> out.println(ProcessHandle.current().pid());
                case "cat" -> {
                    InputStream in = System.in;
                    in.transferTo(rawOut);
                    rawOut.flush();
                }
                case "spew" -> spew(Integer.parseInt(arg), rawOut, rawErr);
                case "ready" -> out.println("ready");
                case "sleep" -> Thread.sleep(Long.parseLong(arg));
                case "exit" -> {
                    out.flush();
                    err.flush();
                    Runtime.getRuntime().halt(Integer.parseInt(arg));
                }
                default -> throw new IllegalArgumentException("unknown action: " + a);
            }
        }
    }

    private static void spew(int n, OutputStream out, OutputStream err) throws java.io.IOException {
        byte[] chunk = new byte[8192];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) ('a' + i % 26);
        }
        int left = n;
        while (left > 0) {
            int len = Math.min(left, chunk.length);
            out.write(chunk, 0, len);
            err.write(chunk, 0, len);
            left -= len;
        }
        out.flush();
        err.flush();
    }
}
