package io.prockit.posix.parity;

import io.prockit.OsException;
import io.prockit.Os;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The child JVM of the parity tests: exec, _exit, abort and set*id run here, never in the test runner. */
public final class ParityMain {
    private ParityMain() {
    }

    public static void main(String[] args) {
        System.out.println("pid " + Os.getpid());
        switch (args[0]) {
            case "execv" -> Os.execv("/bin/sh", List.of("sh", "-c", "echo exec $$"));
            case "execl" -> Os.execl("/bin/sh", "sh", "-c", "echo exec $$ $0", "zero");
            case "execlp" -> Os.execlp("sh", "sh", "-c", "echo exec $$");
            case "execvpe" -> {
                Map<String, String> env = new TreeMap<>();
                env.put("PATH", "/nonexistent:/bin");
                env.put("PARITY", "seen");
                Os.execvpe("sh", List.of("sh", "-c", "echo exec $$ $PARITY"), env);
            }
            case "execle" -> Os.execle("/bin/sh", Map.of("PARITY", "le"), "sh", "-c", "echo exec $$ $PARITY");
            case "overlay" -> Os.spawnv(Os.P_OVERLAY, "/bin/sh", List.of("sh", "-c", "echo exec $$"));
            case "fail" -> {
                try {
                    Os.execv("/nonexistent/prog", List.of("prog"));
                } catch (OsException e) {
                    System.out.println("failed " + e.kind() + " " + e.operation());
                    System.out.flush();
                    Os._exit(3);
                }
            }
            case "exit" -> {
                System.out.println("before _exit");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hook ran")));
                Os._exit(Integer.parseInt(args[1]));
            }
            case "abort" -> Os.abort();
            case "dropids" -> dropIds();
            case "setres" -> {
                Os.setresgid(65534, 65534, 65534);
                Os.setresuid(65534, 65534, 0);
                int[] u = Os.getresuid();
                System.out.println("res " + u[0] + " " + u[1] + " " + u[2]);
                Os.setresuid(-1, 0, -1); // the saved id 0 allows taking root back
                System.out.println("euid " + Os.geteuid());
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("returned");
    }

    /** Seed 001's Process Owner example as root: drop to nobody, then the way back is refused. */
    private static void dropIds() {
        System.out.println("before " + Os.getuid() + " " + Os.geteuid() + " " + Os.getgid() + " " + Os.getegid());
        Os.setgroups(new int[0]);
        System.out.println("groups " + Os.getgroups().length);
        Os.setegid(65534);
        Os.seteuid(65534);
        System.out.println("effective " + Os.getuid() + " " + Os.geteuid() + " " + Os.getgid() + " " + Os.getegid());
        Os.seteuid(0);
        Os.setregid(65534, 65534);
        Os.setreuid(65534, 65534);
        System.out.println("after " + Os.getuid() + " " + Os.geteuid() + " " + Os.getgid() + " " + Os.getegid());
        try {
            Os.setuid(0);
            System.out.println("setuid(0) succeeded");
        } catch (OsException e) {
            System.out.println("setuid(0) " + e.kind() + " errno " + e.errno());
        }
        try {
            Os.initgroups("root", 0);
            System.out.println("initgroups succeeded");
        } catch (OsException e) {
            System.out.println("initgroups " + e.kind());
        }
    }
}
