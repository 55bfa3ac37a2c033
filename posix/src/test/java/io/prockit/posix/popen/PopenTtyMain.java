package io.prockit.posix.popen;

import io.prockit.Os;
import io.prockit.Popen;
import io.prockit.Popen3;

/**
 * The child JVM of {@link PopenGroupTest}, run on a pseudo-terminal whose foreground group it is: its popen
 * shell must stay in its group and read a line from that terminal, through the inherited stdin ({@code popen})
 * or by opening {@code /dev/tty} itself with no std descriptor on the terminal ({@code popen3}).
 */
public final class PopenTtyMain {
    private PopenTtyMain() {
    }

    /**
     * @param args {@code popen} or {@code popen3}
     * @throws Exception on failure (the test sees no "got:" line)
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("popen3")) {
            Popen3 p = Os.popen3("read x < /dev/tty; echo got:$x");
            p.childStdin().close();
            System.out.println("same-group:" + (Os.getpgid(p.pid()) == Os.getpgrp()));
            System.out.flush();
            System.out.print(new String(p.childStdout().readAllBytes()));
            System.out.flush();
            p.childStderr().readAllBytes();
            System.exit(Os.waitpid(p.pid(), 0).pid() == p.pid() ? 0 : 1);
        }
        Popen p = Os.popen("read x; echo got:$x", "r");
        System.out.println("same-group:" + (Os.getpgid(p.pid()) == Os.getpgrp()));
        System.out.flush();
        System.out.print(p.read());
        System.out.flush();
        Long status = p.close();
        System.exit(status == null ? 0 : 1);
    }
}
