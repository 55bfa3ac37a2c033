package io.prockit.windows;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The child the Windows integration tests start: {@code java -cp <test classes> io.prockit.windows.WinTestChild CMD ...}.
 *
 * <ul>
 *   <li>{@code args A B ...}: prints each argument on its own line, as the C runtime split them</li>
 *   <li>{@code exit N}: exits with N (a 32-bit value, may be given as 0xC0000005)</li>
 *   <li>{@code cat}: copies stdin to stdout</li>
 *   <li>{@code both OUT ERR}: writes OUT to stdout and ERR to stderr</li>
 *   <li>{@code env NAME}: prints the variable's value, or {@code <unset>}</li>
 *   <li>{@code sleep MS}: sleeps</li>
 *   <li>{@code tree MS}: starts a grandchild that sleeps MS, prints its pid, sleeps MS itself</li>
 *   <li>{@code os-exit N}: {@code Os._exit(N)} after printing "before" (flushed)</li>
 *   <li>{@code os-abort}: {@code Os.abort()}</li>
 *   <li>{@code os-exec CMD ...}: {@code Os.execv} of this test child running {@code CMD ...}</li>
 *   <li>{@code os-overlay CMD ...}: {@code Os.spawnv(P_OVERLAY, ...)} of this test child running {@code CMD ...}</li>
 *   <li>{@code console}: prints whether the JVM sees a console on stdin and stdout</li>
 *   <li>{@code echo-through-cmd FLAGS TEXT}: runs {@code cmd /c echo TEXT} with every stream inherited and the
 *       creation flags FLAGS (e.g. 0x10, CREATE_NEW_CONSOLE), waits for it, prints {@code done}</li>
 *   <li>{@code ready MS}: prints {@code ready} (a line, flushed), then sleeps MS</li>
 *   <li>{@code detach-after-line MS}: reads a line from stdin, starts this test child {@code sleep MS} with
 *       {@code Command.detach()}, prints its pid, then sleeps MS</li>
 * </ul>
 */
public final class WinTestChild {
    private WinTestChild() {
    }

    public static void main(String[] args) throws Exception {
        // UTF-8 whatever the console code page: with stdout a pipe, the JVM would encode in the ANSI code page
        // (Cp1252 on the runners; JEP 400's stdout.encoding applies to consoles only), and text() decodes UTF-8.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        String cmd = args[0];
        switch (cmd) {
            case "args" -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i < args.length; i++) {
                    sb.append('[').append(args[i]).append("]\n");
                }
                System.out.print(sb);
                System.out.flush();
            }
            case "exit" -> {
                System.out.flush();
                Runtime.getRuntime().halt((int) Long.decode(args[1]).longValue());
            }
            case "cat" -> {
                InputStream in = System.in;
                OutputStream out = System.out;
                in.transferTo(out);
                out.flush();
            }
            case "both" -> {
                System.out.print(args[1]);
                System.out.flush();
                System.err.print(args[2]);
                System.err.flush();
            }
            case "env" -> {
                String v = System.getenv(args[1]);
                System.out.print(v == null ? "<unset>" : v);
                System.out.flush();
            }
            case "sleep" -> Thread.sleep(Long.parseLong(args[1]));
            case "tree" -> {
                List<String> argv = new ArrayList<>(javaCommand());
                argv.addAll(Arrays.asList("sleep", args[1]));
                Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                System.out.println(p.pid());
                System.out.flush();
                Thread.sleep(Long.parseLong(args[1]));
            }
            case "os-exit" -> {
                System.out.print("before");
                System.out.flush();
                io.prockit.Os._exit(Integer.parseInt(args[1]));
            }
            case "os-abort" -> io.prockit.Os.abort();
            case "os-exec", "os-overlay" -> {
                List<String> argv = new ArrayList<>(javaCommand());
                argv.addAll(Arrays.asList(args).subList(1, args.length));
                if (cmd.equals("os-exec")) {
                    io.prockit.Os.execv(argv.get(0), argv);
                } else {
                    io.prockit.Os.spawnv(io.prockit.Os.P_OVERLAY, argv.get(0), argv);
                }
                System.out.print("exec returned");
                System.exit(99);
            }
            case "echo-through-cmd" -> {
                io.prockit.Command.of("cmd.exe", "/d", "/c", "echo " + args[2])
                        .windowsOptions(io.prockit.WindowsOptions.defaults().withCreationFlags(Integer.decode(args[1])))
                        .status();
                System.out.print("done\n");
                System.out.flush();
            }
            case "ready" -> {
                System.out.print("ready\n");
                System.out.flush();
                Thread.sleep(Long.parseLong(args[1]));
            }
            case "detach-after-line" -> {
                new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                List<String> argv = new ArrayList<>(javaCommand());
                argv.addAll(Arrays.asList("sleep", args[1]));
                io.prockit.Child d = io.prockit.Command.of(argv).detach().spawn();
                System.out.print(d.pid() + "\n");
                System.out.flush();
                Thread.sleep(Long.parseLong(args[1]));
            }
            case "console" -> {
                System.out.print("console=" + (System.console() != null) + "\n");
                System.out.flush();
            }
            default -> {
                System.err.println("unknown command " + cmd);
                System.exit(2);
            }
        }
    }

    /** @return {@code [java, -cp, classpath, WinTestChild]} for the running JVM */
    static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), WinTestChild.class.getName());
    }

    static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
