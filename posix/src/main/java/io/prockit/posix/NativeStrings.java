package io.prockit.posix;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.Charset;
import java.util.List;

/**
 * Packs C strings and NULL-terminated string vectors into one native block per spawn.
 *
 * <p>Why: JNA's {@code StringArray} allocates one native block per string, which costs 110-150 µs
 * for a typical environment; one {@link Memory} holding the pointer table and the bytes costs a few
 * microseconds (DESIGN.md, measured facts).
 */
final class NativeStrings {
    /** The encoding of file names, arguments and environment on this JVM. */
    static final Charset CHARSET = charset();

    private NativeStrings() {
    }

    private static Charset charset() {
        String jnu = System.getProperty("sun.jnu.encoding");
        try {
            return jnu != null ? Charset.forName(jnu) : Charset.defaultCharset();
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * One block: {@code [ptr0 .. ptrN-1, NULL][bytes0\0 .. bytesN-1\0]}.
     *
     * @param strings the strings (already checked for NUL)
     * @return the block; its address is the {@code char **}
     */
    static Memory vector(List<String> strings) {
        int n = strings.size();
        byte[][] bytes = new byte[n][];
        long size = (long) (n + 1) * Native.POINTER_SIZE;
        for (int i = 0; i < n; i++) {
            bytes[i] = strings.get(i).getBytes(CHARSET);
            size += bytes[i].length + 1;
        }
        Memory m = new Memory(size);
        long off = (long) (n + 1) * Native.POINTER_SIZE;
        for (int i = 0; i < n; i++) {
            m.setPointer((long) i * Native.POINTER_SIZE, m.share(off));
            m.write(off, bytes[i], 0, bytes[i].length);
            m.setByte(off + bytes[i].length, (byte) 0);
            off += bytes[i].length + 1;
        }
        m.setPointer((long) n * Native.POINTER_SIZE, null);
        return m;
    }

    /**
     * @param s a string without NUL
     * @return a NUL-terminated copy
     */
    static Memory cString(String s) {
        byte[] b = s.getBytes(CHARSET);
        Memory m = new Memory(b.length + 1L);
        m.write(0, b, 0, b.length);
        m.setByte(b.length, (byte) 0);
        return m;
    }

    /**
     * Reads a NULL-terminated {@code char **}.
     *
     * @param vector the vector, may be null
     * @param sink   receives each string
     */
    static void readVector(Pointer vector, java.util.function.Consumer<String> sink) {
        if (vector == null) {
            return;
        }
        for (int i = 0; ; i++) {
            Pointer p = vector.getPointer((long) i * Native.POINTER_SIZE);
            if (p == null) {
                return;
            }
            sink.accept(p.getString(0, CHARSET.name()));
        }
    }
}
