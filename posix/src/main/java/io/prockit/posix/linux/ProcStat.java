package io.prockit.posix.linux;

import java.nio.charset.StandardCharsets;

/**
 * The fields prockit uses from one {@code /proc/[pid]/stat} line (proc(5)), parsed from its bytes
 * without building intermediate strings: the listing reads this one file per process.
 *
 * <p>The second field, {@code comm}, is in parentheses and may itself hold spaces and parentheses
 * (a program may name itself {@code "a) b ("}), so it runs from the first {@code '('} to the
 * <em>last</em> {@code ')'}; the numbered fields follow. Not API.
 *
 * @param pid        field 1
 * @param comm       field 2, without the parentheses (at most 15 bytes, as the kernel truncates)
 * @param state      field 3, e.g. {@code 'S'}
 * @param ppid       field 4
 * @param pgrp       field 5
 * @param session    field 6
 * @param utime      field 14, clock ticks in user mode
 * @param stime      field 15, clock ticks in kernel mode
 * @param numThreads field 20
 * @param starttime  field 22, clock ticks after boot when the process started: its identity with the pid
 * @param vsize      field 23, bytes of virtual memory
 * @param rssPages   field 24, resident pages
 */
public record ProcStat(int pid, String comm, char state, int ppid, int pgrp, int session, long utime, long stime,
                       int numThreads, long starttime, long vsize, long rssPages) {

    /**
     * Parses a stat line.
     *
     * @param buf the bytes read from {@code /proc/[pid]/stat}
     * @param len how many of them are valid
     * @return the fields
     * @throws IllegalArgumentException if the line is not a stat line
     */
    public static ProcStat parse(byte[] buf, int len) {
        int open = -1;
        for (int i = 0; i < len; i++) {
            if (buf[i] == '(') {
                open = i;
                break;
            }
        }
        int close = -1;
        for (int i = len - 1; i > open; i--) {
            if (buf[i] == ')') {
                close = i;
                break;
            }
        }
        if (open < 1 || close < 0 || close + 2 >= len) {
            throw new IllegalArgumentException("not a /proc/[pid]/stat line: \""
                    + new String(buf, 0, Math.min(len, 80), StandardCharsets.ISO_8859_1) + "\"");
        }
        int pid = (int) number(buf, 0, open - 1);
        String comm = new String(buf, open + 1, close - open - 1, StandardCharsets.UTF_8);
        // Fields from 3 on: walk the spaces once, remembering the start of each field we want.
        long[] v = new long[25];
        char state = (char) buf[close + 2];
        int field = 3;
        int i = close + 2;
        while (i < len && field <= 24) {
            int start = i;
            while (i < len && buf[i] != ' ' && buf[i] != '\n') {
                i++;
            }
            if (field >= 4) {
                v[field] = number(buf, start, i);
            }
            field++;
            i++;
        }
        if (field <= 24) {
            throw new IllegalArgumentException("/proc/[pid]/stat line of pid " + pid + " has only " + (field - 1)
                    + " fields");
        }
        return new ProcStat(pid, comm, state, (int) v[4], (int) v[5], (int) v[6], v[14], v[15], (int) v[20],
                v[22], v[23], v[24]);
    }

    /** Parses a decimal number, possibly negative (tty_nr, priority and nice may be); other text gives 0. */
    private static long number(byte[] buf, int from, int to) {
        boolean neg = from < to && buf[from] == '-';
        long n = 0;
        for (int i = neg ? from + 1 : from; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return 0;
            }
            n = n * 10 + d;
        }
        return neg ? -n : n;
    }
}
