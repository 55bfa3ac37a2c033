package io.prockit.windows.os;

import io.prockit.Stdio;
import io.prockit.WindowsOptions;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;

import java.util.List;
import java.util.Map;

/**
 * Pure decisions behind the Python {@code os} functions that act on the running process on Windows:
 * environment limits, the per-drive directory variable {@code chdir} keeps, the times record, and the
 * plan of an emulated {@code exec}. Tested on every OS.
 */
final class LiveProcess {
    private LiveProcess() {
    }

    /** The longest {@code NAME=value} string the C runtime accepts ({@code _MAX_ENV}); Python refuses longer. */
    static final int MAX_ENV = 32767;

    /**
     * Refuses what Python's {@code os.putenv} refuses on Windows, before any system call.
     *
     * @param name  a name, already checked by core (not empty, no {@code =}, no NUL)
     * @param value a value without NUL
     */
    static void checkPutenv(String name, String value) {
        long length = (long) name.length() + 1 + value.length();
        if (length > MAX_ENV) {
            throw new IllegalArgumentException("os.putenv: the environment variable " + name + " is longer than "
                    + MAX_ENV + " characters (NAME=value is " + length + ")");
        }
    }

    /**
     * The hidden variable Windows keeps for a drive's current directory ({@code =C:}), which
     * {@code os.chdir} updates as the C runtime does, so a later {@code cd C:} in a child finds it.
     *
     * @param directory the new current directory, as {@code GetCurrentDirectoryW} reports it
     * @return the name, e.g. {@code "=C:"}, or null for a UNC path ({@code \\server\share})
     */
    static String driveVariable(String directory) {
        if (directory.length() >= 2 && directory.charAt(1) == ':' && Character.isLetter(directory.charAt(0))) {
            return "=" + Character.toUpperCase(directory.charAt(0)) + ":";
        }
        return null;
    }

    /**
     * Python's {@code os.times()} on Windows: only the user and system times are known, the
     * children's and the elapsed fields are 0.
     *
     * @param userTicks   user time in 100 ns units ({@code GetProcessTimes})
     * @param kernelTicks kernel time in 100 ns units
     * @return the record
     */
    static io.prockit.TimesResult times(long userTicks, long kernelTicks) {
        return new io.prockit.TimesResult(userTicks / 1e7, kernelTicks / 1e7, 0, 0, 0);
    }

    /**
     * The spawn that emulates {@code exec*} (and {@code spawn*(P_OVERLAY)}): the new program gets this
     * process's stdio, the given or the live environment and the current directory; it is not put in a
     * kill-on-close job, so nothing it starts dies when this process exits. The caller then waits for it
     * and exits with its exit code.
     *
     * @param path       program path, or a name to search when {@code searchPath}
     * @param argv       argument vector, {@code argv[0]} first
     * @param env        the new environment, or null to keep the live one
     * @param searchPath search the PATH (of {@code env} when given)
     * @return the request
     */
    static SpawnRequest execRequest(String path, List<String> argv, Map<String, String> env, boolean searchPath) {
        EnvironmentSpec spec = env == null ? EnvironmentSpec.inherit() : new EnvironmentSpec(true, env);
        return new SpawnRequest(path, argv, searchPath, spec, null, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, false, false, null, WindowsOptions.defaults().withKillOnJobClose(false));
    }
}
