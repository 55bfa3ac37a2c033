package io.prockit.spi;

/**
 * An optional part of {@link PosixCalls} ({@link PosixCalls#savedIds()}): the real, effective and saved ids
 * together. Linux has them; macOS does not, and neither has Python there.
 */
public interface SavedIdCalls {

    /** @return real, effective and saved user ids */
    int[] getresuid();

    /** @return real, effective and saved group ids */
    int[] getresgid();

    /**
     * @param ruid real, -1 unchanged
     * @param euid effective, -1 unchanged
     * @param suid saved, -1 unchanged
     */
    void setresuid(int ruid, int euid, int suid);

    /**
     * @param rgid real, -1 unchanged
     * @param egid effective, -1 unchanged
     * @param sgid saved, -1 unchanged
     */
    void setresgid(int rgid, int egid, int sgid);
}
