package io.prockit.posix.linux;

import java.nio.charset.StandardCharsets;

/**
 * The fields prockit uses from {@code /proc/[pid]/status} (proc(5)): the user and group ids, which
 * {@code stat} lacks. Not API.
 *
 * @param realUid      first number of the {@code Uid:} line
 * @param effectiveUid second number of the {@code Uid:} line
 * @param realGid      first number of the {@code Gid:} line
 * @param threads      the {@code Threads:} line
 */
public record ProcStatus(int realUid, int effectiveUid, int realGid, int threads) {

    /**
     * Parses a status file.
     *
     * @param buf the bytes read
     * @param len how many are valid
     * @return the fields
     * @throws IllegalArgumentException if it has no {@code Uid:} line
     */
    public static ProcStatus parse(byte[] buf, int len) {
        String text = new String(buf, 0, len, StandardCharsets.UTF_8);
        int[] uid = null;
        int[] gid = null;
        int threads = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("Uid:")) {
                uid = ints(line.substring(4));
            } else if (line.startsWith("Gid:")) {
                gid = ints(line.substring(4));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring(8).trim());
            }
        }
        if (uid == null || uid.length < 2) {
            throw new IllegalArgumentException("no Uid: line in /proc/[pid]/status");
        }
        return new ProcStatus(uid[0], uid[1], gid != null && gid.length > 0 ? gid[0] : -1, threads);
    }

    private static int[] ints(String s) {
        String[] parts = s.trim().split("\\s+");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (int) Long.parseLong(parts[i]);
        }
        return out;
    }
}
