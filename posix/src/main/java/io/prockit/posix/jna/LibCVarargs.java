package io.prockit.posix.jna;

import com.sun.jna.Library;

/**
 * Variadic libc functions, mapped through an interface so JNA passes the variadic part by the
 * platform's variadic convention (on Apple silicon it differs from a fixed prototype).
 */
public interface LibCVarargs extends Library {
    /** The loaded library. */
    LibCVarargs INSTANCE = LibC.loadVarargs();

    /** fcntl(2). @param fd descriptor @param cmd command @param args its argument @return as the command defines */
    int fcntl(int fd, int cmd, Object... args) throws com.sun.jna.LastErrorException;

    /** open(2). @param path path @param flags {@code O_*} @param args the mode when creating @return a descriptor */
    int open(String path, int flags, Object... args) throws com.sun.jna.LastErrorException;

    /** ioctl(2). @param fd descriptor @param request the request @param args its argument @return as the request defines */
    int ioctl(int fd, com.sun.jna.NativeLong request, Object... args) throws com.sun.jna.LastErrorException;

    /** syscall(2) (Linux). @param number the system call @param args its arguments @return its result */
    long syscall(long number, Object... args) throws com.sun.jna.LastErrorException;
}
