package io.prockit.spi;

import io.prockit.PosixOptions;
import io.prockit.PtyOptions;
import io.prockit.Stdio;
import io.prockit.WindowsOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated, immutable description of one spawn, built by {@link io.prockit.Command}. Every
 * string in it is already checked (no NUL, environment names without {@code =}, a non-empty argv),
 * so a backend goes straight to the system calls.
 *
 * @param program       the program as given: a path, or a bare name when {@code searchPath}
 * @param argv          the full argument vector, {@code argv[0]} included; never empty
 * @param searchPath    look a bare name up in the PATH of the child's environment
 * @param environment   the child's environment
 * @param directory     the child's working directory, or null for the parent's
 * @param stdin         where stdin comes from
 * @param stdout        where stdout goes
 * @param stderr        where stderr goes
 * @param extraFds      POSIX: child descriptor (&gt;= 3) to the parent descriptor it gets
 * @param processGroup  null to stay in the parent's group, 0 for a new group led by the child, &gt; 0 to join that group
 * @param newSession    start a new session (POSIX {@code setsid}); on Windows a new process group
 * @param detached      Python's {@code P_DETACH}: no controlling terminal, stdio on the null device, not killed with
 *                      the parent's tree
 * @param posix         POSIX-only settings
 * @param windows       Windows-only settings
 * @param pty           run the child in a new pseudo-terminal of this size (its stdio and controlling terminal),
 *                      or null; when set, the three {@code Stdio} settings are ignored
 */
public record SpawnRequest(String program, List<String> argv, boolean searchPath, EnvironmentSpec environment,
                           Path directory, Stdio stdin, Stdio stdout, Stdio stderr, Map<Integer, Integer> extraFds,
                           Integer processGroup, boolean newSession, boolean detached, PosixOptions posix,
                           WindowsOptions windows, PtyOptions pty) {

    /**
     * A request without a pseudo-terminal.
     *
     * @param program      see the record description
     * @param argv         see the record description
     * @param searchPath   see the record description
     * @param environment  see the record description
     * @param directory    see the record description
     * @param stdin        see the record description
     * @param stdout       see the record description
     * @param stderr       see the record description
     * @param extraFds     see the record description
     * @param processGroup see the record description
     * @param newSession   see the record description
     * @param detached     see the record description
     * @param posix        see the record description
     * @param windows      see the record description
     */
    public SpawnRequest(String program, List<String> argv, boolean searchPath, EnvironmentSpec environment,
                        Path directory, Stdio stdin, Stdio stdout, Stdio stderr, Map<Integer, Integer> extraFds,
                        Integer processGroup, boolean newSession, boolean detached, PosixOptions posix,
                        WindowsOptions windows) {
        this(program, argv, searchPath, environment, directory, stdin, stdout, stderr, extraFds, processGroup,
                newSession, detached, posix, windows, null);
    }

    /**
     * Copies the collections.
     *
     * @param program      see the record description
     * @param argv         see the record description
     * @param searchPath   see the record description
     * @param environment  see the record description
     * @param directory    see the record description
     * @param stdin        see the record description
     * @param stdout       see the record description
     * @param stderr       see the record description
     * @param extraFds     see the record description
     * @param processGroup see the record description
     * @param newSession   see the record description
     * @param detached     see the record description
     * @param posix        see the record description
     * @param windows      see the record description
     * @param pty          see the record description
     */
    public SpawnRequest {
        argv = List.copyOf(argv);
        extraFds = Map.copyOf(extraFds);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
    }
}
