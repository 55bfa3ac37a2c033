package io.prockit.posix.parity;

import io.prockit.Os;
import io.prockit.OsException;

/**
 * Run as root by {@link PythonFaceGapsTest}: drops to uid/gid 65534 for good, then asks {@code Os.nice(-1)},
 * which only a privileged process may do. Prints {@code errno kind operation} of the refusal, or
 * {@code ALLOWED n} if the kernel let it through.
 */
public final class NiceAsNobodyMain {
    private NiceAsNobodyMain() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        Os.setgroups(new int[0]);
        Os.setgid(65534);
        Os.setuid(65534);
        try {
            int now = Os.nice(-1);
            System.out.println("ALLOWED " + now);
        } catch (OsException e) {
            System.out.println(e.errno() + " " + e.kind() + " " + e.operation());
        }
    }
}
