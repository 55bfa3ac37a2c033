package io.prockit.posix.linux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code /proc/[pid]/cmdline} into the argument vector. Not API.
 *
 * <p>The kernel shows the process's argument area: NUL-terminated strings. A process may overwrite
 * that area (setproctitle: nginx, postgres, chromium) and leave one string with spaces and no NUL
 * terminator, or NUL padding after it; like psutil, such a line is split on spaces. Kernel threads
 * and zombies have an empty file: an empty list.
 */
public final class ProcCmdline {
    private ProcCmdline() {
    }

    /**
     * @param buf the bytes read
     * @param len how many are valid
     * @return the arguments
     */
    public static List<String> parse(byte[] buf, int len) {
        int end = len;
        while (end > 0 && buf[end - 1] == 0) {
            end--;
        }
        List<String> out = new ArrayList<>();
        if (end == 0) {
            return out;
        }
        boolean terminated = len > end;
        boolean hasInnerNul = false;
        for (int i = 0; i < end; i++) {
            if (buf[i] == 0) {
                hasInnerNul = true;
                break;
            }
        }
        if (!terminated && !hasInnerNul) {
            for (String s : new String(buf, 0, end, StandardCharsets.UTF_8).split(" ")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || buf[i] == 0) {
                out.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }
}
