package io.prockit.spi;

/** Part of {@link PosixCalls}: the process's user and group ids and its supplementary groups. */
public interface IdCalls {

    /** @return the real user id */
    int getuid();

    /** @return the effective user id */
    int geteuid();

    /** @return the real group id */
    int getgid();

    /** @return the effective group id */
    int getegid();

    /** @return the supplementary group ids */
    int[] getgroups();

    /**
     * @param user  a user name
     * @param group a group added to the list
     * @return the user's groups
     */
    int[] getgrouplist(String user, int group);

    /** @param uid user id */
    void setuid(int uid);

    /** @param uid user id */
    void seteuid(int uid);

    /** @param gid group id */
    void setgid(int gid);

    /** @param gid group id */
    void setegid(int gid);

    /**
     * @param ruid real, -1 unchanged
     * @param euid effective, -1 unchanged
     */
    void setreuid(int ruid, int euid);

    /**
     * @param rgid real, -1 unchanged
     * @param egid effective, -1 unchanged
     */
    void setregid(int rgid, int egid);

    /** @param groups supplementary group ids */
    void setgroups(int[] groups);

    /**
     * @param user  a user name
     * @param group a group added to the list
     */
    void initgroups(String user, int group);
}
