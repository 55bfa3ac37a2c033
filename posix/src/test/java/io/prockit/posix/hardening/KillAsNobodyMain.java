package io.prockit.posix.hardening;

import io.prockit.ErrorKind;
import io.prockit.Os;
import io.prockit.OsException;

/**
 * Run as root by {@code HardeningTest}: drops to uid/gid 65534, then probes (signal 0) the pid given,
 * a process the test started as root. Prints the outcome's kind.
 */
public final class KillAsNobodyMain {
    private KillAsNobodyMain() {
    }

    /**
     * @param args the target pid
     */
    public static void main(String[] args) {
        int target = Integer.parseInt(args[0]);
        Os.setgroups(new int[0]);
        Os.setgid(65534);
        Os.setuid(65534);
        try {
            Os.kill(target, 0);
            System.out.println("SENT");
        } catch (OsException e) {
            System.out.println(e.kind() + " " + e.getMessage());
            System.exit(e.kind() == ErrorKind.PERMISSION_DENIED ? 0 : 1);
        }
    }
}
