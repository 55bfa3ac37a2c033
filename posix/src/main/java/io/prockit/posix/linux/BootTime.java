package io.prockit.posix.linux;

import java.nio.charset.StandardCharsets;

/**
 * Reads the {@code btime} line of {@code /proc/stat}: the boot time in seconds since the epoch, to
 * which a process's {@code starttime} ticks are added. Not API.
 */
public final class BootTime {
    private BootTime() {
    }

    /**
     * @param buf the bytes of {@code /proc/stat}
     * @param len how many are valid
     * @return the boot time, seconds since the epoch
     * @throws IllegalArgumentException if there is no {@code btime} line
     */
    public static long parse(byte[] buf, int len) {
        for (String line : new String(buf, 0, len, StandardCharsets.ISO_8859_1).split("\n")) {
            if (line.startsWith("btime ")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        throw new IllegalArgumentException("no btime line in /proc/stat");
    }
}
