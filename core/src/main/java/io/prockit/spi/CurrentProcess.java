package io.prockit.spi;

import io.prockit.TimesResult;

import java.util.List;
import java.util.Map;

/**
 * A capability of every backend ({@link ProcessBackend#currentProcess()}): the calls of Python's
 * {@code os} on the running process that exist on POSIX and on Windows alike ("Availability: Unix,
 * Windows"): replacing or ending the process, the live environment and working directory, the
 * file-creation mask, error messages, process times and CPU counts.
 *
 * <p>Arguments arrive validated by {@link io.prockit.Os}; failures are {@link io.prockit.OsException}s
 * naming the call.
 */
public interface CurrentProcess {

    /**
     * Replaces the current process image (never returns on success); stdout/stderr are flushed by the caller.
     * Windows emulates it as its C runtime does (start, then exit).
     *
     * @param path       program path, or a name to search when {@code searchPath}
     * @param argv       argument vector, not empty
     * @param env        the new environment, or null to keep the live one
     * @param searchPath search PATH (of {@code env} when given) for a name without a slash
     */
    void execve(String path, List<String> argv, Map<String, String> env, boolean searchPath);

    /**
     * Ends the process at once, without shutdown hooks or flushing.
     *
     * @param status exit status
     */
    void _exit(int status);

    /** Ends the process abnormally: SIGABRT (a core dump where enabled) on POSIX, exit code 3 on Windows. */
    void abort();

    /** @return the login name of the user (of the controlling terminal on POSIX) */
    String getlogin();

    /**
     * @param name a variable
     * @return its value in the live environment, or null
     */
    String getenv(String name);

    /**
     * @param name  a variable
     * @param value its new value in the live environment
     */
    void putenv(String name, String value);

    /** @param name a variable to remove from the live environment */
    void unsetenv(String name);

    /** @return a copy of the live environment */
    Map<String, String> liveEnvironment();

    /** @return the process's working directory */
    String getcwd();

    /** @param path the new working directory of the process */
    void chdir(String path);

    /**
     * @param mask the new mask
     * @return the previous mask
     */
    int umask(int mask);

    /**
     * @param code an error number
     * @return its description
     */
    String strerror(int code);

    /** @return the process times */
    TimesResult times();

    /** @return the number of logical CPUs in the system, -1 when unknown */
    int cpuCount();

    /** @return the number of logical CPUs this process may run on, -1 when unknown */
    int processCpuCount();
}
