package io.prockit.posix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code execvp}'s PATH search, done in Java so that the PATH searched is the <em>child's</em>
 * (seed 000: "the env dictionary ... is used to define the PATH") and so that the rules are ours:
 *
 * <ul>
 *   <li>a name containing {@code /} is used as is;</li>
 *   <li>a PATH entry that is empty (POSIX reads it as "the current directory") is skipped: the
 *       current directory is searched only when PATH names it, as {@code .} or another path;</li>
 *   <li>a relative entry (such as {@code .}) is resolved against the child's working directory;</li>
 *   <li>without PATH, {@code /bin:/usr/bin} is searched (CPython's {@code os.defpath} without the
 *       leading empty entry);</li>
 *   <li>the first regular file that is executable wins; if files were found but none executable,
 *       the error is {@code EACCES}, otherwise {@code ENOENT}, as {@code execvp} reports.</li>
 * </ul>
 */
final class PathSearch {
    static final String DEFAULT_PATH = "/bin:/usr/bin";

    private PathSearch() {
    }

    /** The result: the path to run, or the errno to report. */
    record Found(Optional<String> path, boolean sawNonExecutable) {
    }

    /**
     * @param name    the program name, without a slash
     * @param pathVar the child's PATH, or null
     * @param cwd     the child's working directory (for relative entries)
     * @return the first executable match, or which error to report
     */
    static Found search(String name, String pathVar, Path cwd) {
        boolean sawNonExec = false;
        for (String dir : entries(pathVar)) {
            Path d = Path.of(dir);
            if (!d.isAbsolute()) {
                d = cwd.resolve(d);
            }
            Path candidate = d.resolve(name);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return new Found(Optional.of(candidate.toString()), sawNonExec);
                }
                sawNonExec = true;
            } else if (Files.isDirectory(candidate)) {
                sawNonExec = true;
            }
        }
        return new Found(Optional.empty(), sawNonExec);
    }

    static List<String> entries(String pathVar) {
        List<String> out = new ArrayList<>();
        for (String e : (pathVar == null ? DEFAULT_PATH : pathVar).split(":", -1)) {
            if (!e.isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }
}
