package io.prockit.spi;

/**
 * The capability of a Windows backend ({@link ProcessBackend#windows()}): what Python's {@code os} has only
 * on Windows, and the Windows form of {@code isatty} (which POSIX backends offer through {@link PosixCalls}).
 */
public interface WindowsCalls {

    /**
     * Python's {@code os.isatty} on Windows: the C runtime's {@code _isatty}, true for a character device (a
     * console, and also {@code NUL}, as in CPython); false for a descriptor that is not open.
     *
     * @param fd a descriptor, {@code >= 0}
     * @return whether it is a character device
     */
    boolean isatty(int fd);

    /**
     * Python's {@code os.startfile}: opens a file with its associated application through the shell.
     *
     * @param path      the file, directory or URL; relative to {@code cwd} or the current directory
     * @param operation a verb ({@code "open"}, {@code "print"}, {@code "edit"}, {@code "explore"}, ...), or null for
     *                  the default
     * @param arguments the parameters passed to an application, or null
     * @param cwd       the working directory, or null for the process's
     * @param showCmd   an {@code SW_*} value
     */
    void startfile(String path, String operation, String arguments, String cwd, int showCmd);
}
