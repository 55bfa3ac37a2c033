package io.prockit.spi;

import io.prockit.OpenptyResult;

/** Part of {@link PosixCalls}: process groups and sessions, signals to a group, terminals and pseudo-terminals. */
public interface GroupCalls {

    /**
     * Sends a signal to a process group.
     *
     * @param pgid  a process group id, &gt; 0
     * @param signo a signal number of this platform
     */
    void killpg(int pgid, int signo);

    /**
     * @param pid a process, 0 for the caller
     * @return its process group
     */
    int getpgid(int pid);

    /** @return the caller's process group */
    int getpgrp();

    /**
     * @param pid  a process, 0 for the caller
     * @param pgrp the group, 0 for {@code pid}
     */
    void setpgid(int pid, int pgrp);

    /** Makes the caller a process group leader ({@code setpgid(0, 0)}). */
    void setpgrp();

    /**
     * @param pid a process, 0 for the caller
     * @return its session id
     */
    int getsid(int pid);

    /** Starts a new session; fails when the caller already leads a group. */
    void setsid();

    /**
     * @param fd a terminal
     * @return its foreground process group
     */
    int tcgetpgrp(int fd);

    /**
     * @return whether this process has a controlling terminal whose foreground process group is this process's
     *         group (a program run interactively, not in the background); false without a controlling terminal
     */
    boolean foregroundOfControllingTerminal();

    /**
     * @param fd   a terminal
     * @param pgrp the new foreground group
     */
    void tcsetpgrp(int fd, int pgrp);

    /** @return the path of the controlling terminal */
    String ctermid();

    /** @return a new pseudo-terminal pair (close-on-exec, O_NOCTTY) */
    OpenptyResult openpty();

    /**
     * @param fd      a terminal
     * @param rows    rows
     * @param columns columns
     */
    void setWindowSize(int fd, int rows, int columns);
}
