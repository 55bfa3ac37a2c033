package io.prockit.spi;

import io.prockit.UnameResult;

/** Part of {@link PosixCalls}: what the system says about itself. */
public interface SystemInfoCalls {

    /** @return the system's identification */
    UnameResult uname();

    /** @return the 1, 5 and 15 minute load averages */
    double[] getloadavg();

    /**
     * @param name a {@code _SC_*} value
     * @return the value, -1 when indeterminate
     */
    long sysconf(int name);

    /**
     * @param name a {@code _CS_*} value
     * @return the value, or null when undefined
     */
    String confstr(int name);
}
