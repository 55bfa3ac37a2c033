package io.prockit.posix.linux;

import com.sun.jna.LastErrorException;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.platform.Errors;
import io.prockit.spi.SavedIdCalls;

/** {@code getresuid}, {@code getresgid}, {@code setresuid}, {@code setresgid}: glibc's, absent from macOS's libc. */
final class LinuxSavedIds implements SavedIdCalls {
    private final Errors errors;

    LinuxSavedIds(Errors errors) {
        this.errors = errors;
    }

    @Override
    public int[] getresuid() {
        int[] r = new int[1];
        int[] e = new int[1];
        int[] s = new int[1];
        try {
            LinuxLibC.getresuid(r, e, s);
        } catch (LastErrorException x) {
            throw errors.of("getresuid", null, x);
        }
        return new int[] {r[0], e[0], s[0]};
    }

    @Override
    public int[] getresgid() {
        int[] r = new int[1];
        int[] e = new int[1];
        int[] s = new int[1];
        try {
            LinuxLibC.getresgid(r, e, s);
        } catch (LastErrorException x) {
            throw errors.of("getresgid", null, x);
        }
        return new int[] {r[0], e[0], s[0]};
    }

    @Override
    public void setresuid(int ruid, int euid, int suid) {
        try {
            LinuxLibC.setresuid(ruid, euid, suid);
        } catch (LastErrorException x) {
            throw errors.of("setresuid", ruid + "," + euid + "," + suid, x);
        }
    }

    @Override
    public void setresgid(int rgid, int egid, int sgid) {
        try {
            LinuxLibC.setresgid(rgid, egid, sgid);
        } catch (LastErrorException x) {
            throw errors.of("setresgid", rgid + "," + egid + "," + sgid, x);
        }
    }
}
