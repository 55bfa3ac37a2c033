package io.prockit.posix.popen;

import io.prockit.Os;
import io.prockit.Popen;

/**
 * The child JVM of {@link PopenGroupTest}, run on a pseudo-terminal whose foreground group it is: its popen
 * shell must stay in its group and read a line from that terminal.
 */
public final class PopenTtyMain {
    private PopenTtyMain() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        Popen p = Os.popen("read x; echo got:$x", "r");
        System.out.println("same-group:" + (Os.getpgid(p.pid()) == Os.getpgrp()));
        System.out.flush();
        System.out.print(p.read());
        System.out.flush();
        Long status = p.close();
        System.exit(status == null ? 0 : 1);
    }
}
