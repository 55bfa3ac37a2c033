package io.prockit.posix.darwin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the buffer of {@code sysctl({CTL_KERN, KERN_PROCARGS2, pid})}: a native {@code int argc},
 * the executable path NUL-terminated, NUL padding, then {@code argc} NUL-terminated arguments, then
 * the environment (kern_sysctl.c, xnu-11417.101.15). Not API.
 *
 * @param execPath the path the process was started from
 * @param argv     the arguments, program first
 */
public record ProcArgs2(String execPath, List<String> argv) {

    /**
     * @param buf the bytes sysctl returned
     * @param len how many are valid
     * @return the path and the arguments (fewer than argc if the buffer ends early)
     */
    public static ProcArgs2 parse(byte[] buf, int len) {
        if (len < 4) {
            throw new IllegalArgumentException("KERN_PROCARGS2 buffer too short: " + len + " bytes");
        }
        int argc = ByteBuffer.wrap(buf, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (argc < 0) {
            throw new IllegalArgumentException("KERN_PROCARGS2 argc is negative: " + argc);
        }
        int i = 4;
        int start = i;
        while (i < len && buf[i] != 0) {
            i++;
        }
        String exec = new String(buf, start, i - start, StandardCharsets.UTF_8);
        while (i < len && buf[i] == 0) {
            i++;
        }
        List<String> argv = new ArrayList<>(argc);
        while (argv.size() < argc && i < len) {
            start = i;
            while (i < len && buf[i] != 0) {
                i++;
            }
            argv.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
            i++;
        }
        return new ProcArgs2(exec, List.copyOf(argv));
    }
}
