package io.prockit.windows.os;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads another process's command line from its process environment block; pure Java over a
 * {@link RemoteMemory}, so the walk is tested with a byte fixture on any OS.
 *
 * <p>The walk, with the Win64 offsets of Microsoft's winternl.h: the PEB holds a pointer to the
 * {@code RTL_USER_PROCESS_PARAMETERS} at {@code 0x20} (after {@code BYTE Reserved1[2]},
 * {@code BeingDebugged}, {@code BYTE Reserved2[21]} and the loader data pointer at {@code 0x18});
 * those parameters hold the {@code CommandLine} {@code UNICODE_STRING} at {@code 0x70} (after
 * {@code BYTE Reserved1[16]}, {@code PVOID Reserved2[10]} and {@code ImagePathName} at
 * {@code 0x60}); a {@code UNICODE_STRING} is {@code USHORT Length} (bytes, without a terminating
 * NUL) at 0, {@code USHORT MaximumLength} at 2 and {@code PWSTR Buffer} at 8. Three reads: the
 * pointer, the string header, the text.
 *
 * <p>The PEB walk is the fallback: {@code WindowsProcessTable} first asks
 * {@code NtQueryInformationProcess(ProcessCommandLineInformation)} (Windows 8.1+), which needs only
 * {@code PROCESS_QUERY_LIMITED_INFORMATION} (so it also reads elevated, other-session and protected processes, as
 * psutil does) and returns the same string, parsed by {@link #fromCommandLineInformation}. The walk's offsets are
 * the Win64 ones, so a 32-bit JVM refuses it ({@link #walkSupported}).
 *
 * <p>Why the PEB: it is what the process was started with, including what its parent quoted;
 * Windows keeps no other copy (WMI's {@code Win32_Process.CommandLine} reads the same place). A
 * process may overwrite its own PEB, so the result is what the process says, as with Linux's
 * {@code /proc/[pid]/cmdline}.
 */
final class PebCommandLine {
    /** {@code PEB.ProcessParameters} on Win64. */
    static final int PEB_PROCESS_PARAMETERS = 0x20;
    /** {@code RTL_USER_PROCESS_PARAMETERS.CommandLine} on Win64. */
    static final int PARAMETERS_COMMAND_LINE = 0x70;
    /** {@code UNICODE_STRING.Length} (in bytes). */
    static final int STRING_LENGTH = 0;
    /** {@code UNICODE_STRING.MaximumLength} (in bytes). */
    static final int STRING_MAXIMUM_LENGTH = 2;
    /** {@code UNICODE_STRING.Buffer}. */
    static final int STRING_BUFFER = 8;
    /** {@code sizeof(UNICODE_STRING)} on Win64. */
    static final int STRING_SIZE = 16;

    /** Reads bytes of another process's address space. */
    interface RemoteMemory {
        /**
         * @param address where to start, in the other process
         * @param length  how many bytes
         * @return exactly {@code length} bytes
         * @throws RuntimeException (an {@code OsException} on Windows) when they cannot be read
         */
        byte[] read(long address, int length);
    }

    /** The PEB holds something that is not a command line (a process writing its own PEB, or garbage). */
    static final class MalformedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private PebCommandLine() {
    }

    /**
     * @param pebAddress the PEB's address ({@code PROCESS_BASIC_INFORMATION.PebBaseAddress}), not 0
     * @param memory     the process's memory
     * @return the command line, or null when the process has no parameters yet (created moments ago,
     *         before its loader ran) or none at all
     * @throws MalformedException when the string header is impossible
     */
    static String read(long pebAddress, RemoteMemory memory) {
        if (pebAddress == 0) {
            throw new IllegalArgumentException("PEB address 0");
        }
        long parameters = le(memory.read(pebAddress + PEB_PROCESS_PARAMETERS, 8)).getLong(0);
        if (parameters == 0) {
            return null;
        }
        ByteBuffer header = le(memory.read(parameters + PARAMETERS_COMMAND_LINE, STRING_SIZE));
        int length = Short.toUnsignedInt(header.getShort(STRING_LENGTH));
        int maximum = Short.toUnsignedInt(header.getShort(STRING_MAXIMUM_LENGTH));
        long buffer = header.getLong(STRING_BUFFER);
        if (length == 0) {
            return "";
        }
        if ((length & 1) != 0 || length > maximum || buffer == 0) {
            throw new MalformedException("CommandLine UNICODE_STRING with Length " + length + ", MaximumLength "
                    + maximum + ", Buffer 0x" + Long.toHexString(buffer));
        }
        return new String(memory.read(buffer, length), StandardCharsets.UTF_16LE);
    }

    /**
     * Whether the PEB walk's offsets fit this JVM: they are Win64's, and a 32-bit JVM would read a 32-bit PEB
     * (other offsets, 4-byte pointers), so it is refused there.
     *
     * @param pointerSize the JVM's pointer size ({@code Native.POINTER_SIZE})
     * @return true for 8
     */
    static boolean walkSupported(int pointerSize) {
        return pointerSize == 8;
    }

    /**
     * The text of a {@code ProcessCommandLineInformation} buffer: a {@code UNICODE_STRING} ({@code Length} at 0,
     * {@code MaximumLength} at 2, {@code Buffer} at the next pointer boundary) whose {@code Buffer} points into
     * the same buffer, after the header.
     *
     * @param buf         the buffer's bytes, as many as the call returned
     * @param address     the buffer's address in this process
     * @param pointerSize 8 (Win64) or 4
     * @return the command line
     * @throws MalformedException when the string does not lie inside the buffer
     */
    static String fromCommandLineInformation(byte[] buf, long address, int pointerSize) {
        if (pointerSize != 8 && pointerSize != 4) {
            throw new IllegalArgumentException("pointer size " + pointerSize);
        }
        int header = 2 * pointerSize; // 16 on Win64, 8 on Win32
        if (buf.length < header) {
            throw new MalformedException("ProcessCommandLineInformation of " + buf.length + " bytes");
        }
        ByteBuffer b = le(buf);
        int length = Short.toUnsignedInt(b.getShort(STRING_LENGTH));
        long buffer = pointerSize == 8 ? b.getLong(pointerSize) : Integer.toUnsignedLong(b.getInt(pointerSize));
        if (length == 0) {
            return "";
        }
        long offset = buffer - address;
        if ((length & 1) != 0 || offset < header || offset > buf.length || length > buf.length - offset) {
            throw new MalformedException("CommandLine UNICODE_STRING with Length " + length + " at 0x"
                    + Long.toHexString(buffer) + " outside the " + buf.length + "-byte buffer at 0x"
                    + Long.toHexString(address));
        }
        return new String(buf, (int) offset, length, StandardCharsets.UTF_16LE);
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
