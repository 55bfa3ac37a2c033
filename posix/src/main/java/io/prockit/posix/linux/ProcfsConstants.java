package io.prockit.posix.linux;

/**
 * Numbers the {@code /proc} reader needs, with their sources. Not API.
 */
public final class ProcfsConstants {
    private ProcfsConstants() {
    }

    /** bits/confname.h (glibc 2.36): {@code _SC_CLK_TCK} = 2, the {@code sysconf} name for {@code USER_HZ}. */
    public static final int SC_CLK_TCK = 2;
    /** bits/confname.h (glibc 2.36): {@code _SC_PAGESIZE} = 30. */
    public static final int SC_PAGESIZE = 30;
}
