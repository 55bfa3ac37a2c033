package io.prockit.posix.spawn;

import java.io.File;
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
public final class PathSearch {
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
        return search(name, pathVar, () -> cwd);
    }

    /**
     * As {@link #search(String, String, Path)}, asking for the working directory only when a relative
     * entry needs it. Works with {@link File} rather than {@link Path}: this runs on every spawn of a bare
     * name, and a {@code File} probe allocates a fraction of what {@code Path} resolution does (the
     * checks themselves are the same {@code stat} and {@code access(X_OK)}).
     *
     * @param name    the program name, without a slash
     * @param pathVar the child's PATH, or null
     * @param cwd     supplies the child's working directory (for relative entries)
     * @return the first executable match, or which error to report
     */
    static Found search(String name, String pathVar, java.util.function.Supplier<Path> cwd) {
        boolean sawNonExec = false;
        String base = null;
        for (String dir : entries(pathVar)) {
            if (dir.charAt(0) != '/') {
                if (base == null) {
                    base = cwd.get().toString();
                }
                dir = base + "/" + dir;
            }
            File candidate = new File(dir.charAt(dir.length() - 1) == '/' ? dir + name : dir + "/" + name);
            if (candidate.isFile()) {
                if (candidate.canExecute()) {
                    return new Found(Optional.of(candidate.getPath()), sawNonExec);
                }
                sawNonExec = true;
            } else if (candidate.isDirectory()) {
                sawNonExec = true;
            }
        }
        return new Found(Optional.empty(), sawNonExec);
    }

    /** The last PATH split, reused while PATH stays the same (it nearly always does). */
    private static volatile Split lastSplit = new Split("", List.of());

    private record Split(String path, List<String> entries) {
    }

    static List<String> entries(String pathVar) {
        String path = pathVar == null ? DEFAULT_PATH : pathVar;
        Split last = lastSplit;
        if (last.path().equals(path)) {
            return last.entries();
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start <= path.length()) {
            int colon = path.indexOf(':', start);
            int end = colon < 0 ? path.length() : colon;
            if (end > start) {
                out.add(path.substring(start, end));
            }
            start = end + 1;
        }
        List<String> entries = List.copyOf(out);
        lastSplit = new Split(path, entries);
        return entries;
    }
}
