package io.prockit.examples.pymotw;

import io.prockit.Child;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.OsException;

import java.util.Arrays;

/**
 * Seed 001/004, PyMOTW os, "Process Owner": {@code os_process_user_example.py}.
 *
 * <pre>{@code
 * TEST_GID=501
 * TEST_UID=527
 *
 * def show_user_info():
 *     print 'User (actual/effective)  : %d / %d' % (os.getuid(), os.geteuid())
 *     print 'Group (actual/effective) : %d / %d' % (os.getgid(), os.getegid())
 *     print 'Actual Groups   :', os.getgroups()
 *
 * print 'BEFORE CHANGE:'
 * show_user_info()
 * try:
 *     os.setegid(TEST_GID)
 * except OSError:
 *     print 'ERROR: Could not change effective group.  Re-run as root.'
 * else:
 *     print 'CHANGED GROUP:'
 *     show_user_info()
 * try:
 *     os.seteuid(TEST_UID)
 * except OSError:
 *     print 'ERROR: Could not change effective user.  Re-run as root.'
 * else:
 *     print 'CHANGE USER:'
 *     show_user_info()
 * }</pre>
 *
 * <p>Changing this JVM's effective ids would change them for everything else it runs, so the seed's
 * program ({@link Program#main}) runs in a child JVM. The seed shows two runs, with {@code sudo} and as
 * the user {@code TEST_UID} itself. Run as root, this example does both: once as root (the effective
 * ids change), once in a child that first gives up root for good ({@code setgroups}, {@code setgid},
 * {@code setuid} to {@code TEST_GID}/{@code TEST_UID}), where asking for the ids it already has
 * changes nothing, as in the seed. Run as a normal user, the program asks for ids that are not its
 * own and the kernel refuses ({@code EPERM}): the seed's "Re-run as root" errors. Change
 * {@code TEST_GID} and {@code TEST_UID} to a real user's (65534 is "nobody" on most Linux systems).
 */
public final class ProcessUser {
    static final int TEST_GID = 65534;
    static final int TEST_UID = 65534;

    private ProcessUser() {
    }

    /**
     * Runs the seed's program as the current user and, when root, as {@code TEST_UID} too.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        boolean root = Os.geteuid() == 0;
        System.out.println(root ? "$ sudo java ... ProcessUser   (running as root)" : "$ java ... ProcessUser");
        run(JavaChild.of(Program.class).spawn());
        if (root) {
            System.out.println();
            System.out.println("$ java ... ProcessUser   (as uid " + TEST_UID + ", gid " + TEST_GID + ")");
            run(JavaChild.of(Program.class, "--as", TEST_UID + ":" + TEST_GID).spawn());
        } else {
            System.out.println("(run as root to see the other outcome)");
        }
    }

    private static void run(Child program) throws InterruptedException {
        try (program) {
            program.waitFor();
        }
    }

    /** The seed's program. */
    public static final class Program {
        private Program() {
        }

        static void showUserInfo() {
            System.out.println("User (actual/effective)  : " + Os.getuid() + " / " + Os.geteuid());
            System.out.println("Group (actual/effective) : " + Os.getgid() + " / " + Os.getegid());
            System.out.println("Actual Groups   : " + Arrays.toString(Os.getgroups()));
        }

        /**
         * The seed's program; {@code --as UID:GID} (when run as root) first becomes that user for good.
         *
         * @param args {@code --as UID:GID} or nothing
         */
        public static void main(String[] args) {
            if (args.length == 2 && args[0].equals("--as")) {
                String[] ids = args[1].split(":");
                int uid = Integer.parseInt(ids[0]);
                int gid = Integer.parseInt(ids[1]);
                Os.setgroups(new int[] {gid});   // groups first: once the user is not root, it cannot change them
                Os.setgid(gid);
                Os.setuid(uid);
            }
            System.out.println("BEFORE CHANGE:");
            showUserInfo();
            System.out.println();

            try {
                Os.setegid(TEST_GID);
                System.out.println("CHANGED GROUP:");
                showUserInfo();
                System.out.println();
            } catch (OsException e) {   // EPERM: PERMISSION_DENIED
                System.out.println("ERROR: Could not change effective group.  Re-run as root.");
            }

            try {
                Os.seteuid(TEST_UID);
                System.out.println("CHANGE USER:");
                showUserInfo();
                System.out.println();
            } catch (OsException e) {
                System.out.println("ERROR: Could not change effective user.  Re-run as root.");
            }
        }
    }
}
