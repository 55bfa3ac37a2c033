package io.prockit.posix.platform;

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
public final class NativeStrings {
    /** The encoding of file names, arguments and environment on this JVM. */
    public static final Charset CHARSET = charset();

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
    public static Memory vector(List<String> strings) {
        byte[][] bytes = encode(strings);
        Memory m = new Memory(vectorSize(bytes));
        writeVector(m, 0, bytes);
        return m;
    }

    /**
     * @param strings strings without NUL
     * @return each in {@link #CHARSET}
     */
    public static byte[][] encode(List<String> strings) {
        int n = strings.size();
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            bytes[i] = strings.get(i).getBytes(CHARSET);
        }
        return bytes;
    }

    /**
     * @param bytes encoded strings
     * @return the bytes {@link #writeVector} writes: the pointer table, its NULL and each string with its NUL
     */
    public static long vectorSize(byte[][] bytes) {
        long size = (long) (bytes.length + 1) * Native.POINTER_SIZE;
        for (byte[] b : bytes) {
            size += b.length + 1;
        }
        return size;
    }

    /**
     * Writes a {@code char **} at {@code at}: the pointer table (absolute addresses into the same block,
     * written as plain integers so no {@code Pointer} object is made per string), then the strings.
     *
     * @param m     the block, at least {@code at + vectorSize(bytes)} long
     * @param at    the offset of the table (pointer-aligned)
     * @param bytes encoded strings
     */
    public static void writeVector(Memory m, long at, byte[][] bytes) {
        long base = Pointer.nativeValue(m);
        int n = bytes.length;
        long off = at + (long) (n + 1) * Native.POINTER_SIZE;
        for (int i = 0; i <= n; i++) {
            long slot = at + (long) i * Native.POINTER_SIZE;
            long address = i == n ? 0 : base + off;
            if (Native.POINTER_SIZE == 8) {
                m.setLong(slot, address);
            } else {
                m.setInt(slot, (int) address);
            }
            if (i < n) {
                writeCString(m, off, bytes[i]);
                off += bytes[i].length + 1;
            }
        }
    }

    /**
     * @param m     the block
     * @param at    where
     * @param bytes an encoded string without NUL; written with its terminating NUL
     */
    public static void writeCString(Memory m, long at, byte[] bytes) {
        m.write(at, bytes, 0, bytes.length);
        m.setByte(at + bytes.length, (byte) 0);
    }

    /**
     * @param s a string without NUL
     * @return a NUL-terminated copy
     */
    public static Memory cString(String s) {
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
    public static void readVector(Pointer vector, java.util.function.Consumer<String> sink) {
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
