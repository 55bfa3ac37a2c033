package io.prockit.windows.spawn;

import io.prockit.windows.jna.WinConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds the file a program name stands for, the way Windows does but without its one dangerous
 * step: the current directory is never searched unless the program is given as a path.
 *
 * <pre>{@code
 * ProgramSearch.Context ctx = new ProgramSearch.Context(javaBinDir, List.of(system32, windowsDir),
 *         childEnvironment, Path.of("").toAbsolutePath(), Files::isRegularFile);
 * Optional<Path> exe = ProgramSearch.find("git", true, ctx);     // ...\Git\cmd\git.exe
 * }</pre>
 *
 * <h2>Order</h2>
 * <ol>
 *   <li>A name with a directory part ({@code \}, {@code /} or a drive {@code C:}), or any name when
 *       searching is off, is taken as a path, relative ones against the parent's current directory,
 *       and nothing is searched.</li>
 *   <li>Otherwise the directories are tried in the order {@code CreateProcessW} documents, minus the
 *       current directory: the directory of the running program (the JVM's {@code bin}), the system
 *       directories ({@code System32}, then the Windows directory), then each entry of the
 *       <em>child's</em> {@code PATH}. Relative {@code PATH} entries ({@code .}, {@code bin}) are
 *       skipped, since they would mean the current directory.</li>
 *   <li>In each place, a name with an extension is tried as is; a name without one is tried with
 *       each extension of the child's {@code PATHEXT} in order (default {@code .COM;.EXE;.BAT;.CMD}),
 *       then bare.</li>
 * </ol>
 *
 * <p>App Execution Aliases ({@code %LOCALAPPDATA%\Microsoft\WindowsApps\winget.exe}, {@code python.exe},
 * {@code wt.exe}) are zero-byte reparse points tagged {@code IO_REPARSE_TAG_APPEXECLINK}; the JDK follows
 * the reparse point to decide {@link java.nio.file.Files#isRegularFile}, fails
 * ({@code ERROR_CANT_ACCESS_FILE}) and says false, although {@code CreateProcessW} runs them. The backend's
 * predicate is {@link #runnableFile}: a regular file, or such an alias (as Rust's std and libuv accept them).
 *
 * <p>Platform notes: pure Java over a file-exists predicate, so it is tested on every OS. On Windows
 * the backend passes {@code runnableFile(Files::isRegularFile, Win32::rawAttributes)}, whose file system
 * ignores case.
 */
public final class ProgramSearch {
    private static final Logger LOG = LoggerFactory.getLogger(ProgramSearch.class);

    /** {@code PATHEXT} when the child's environment has none. */
    public static final List<String> DEFAULT_PATHEXT = List.of(".COM", ".EXE", ".BAT", ".CMD");

    /**
     * Where to look.
     *
     * @param applicationDir the directory of the running program, or null
     * @param systemDirs     the system directories, in order (may be empty)
     * @param environment    the child's environment; {@code PATH} and {@code PATHEXT} are read from it
     *                       ignoring case
     * @param currentDir     the parent's current directory, for relative paths
     * @param isFile         whether a path names an existing file
     */
    public record Context(Path applicationDir, List<Path> systemDirs, Map<String, String> environment,
                          Path currentDir, Predicate<Path> isFile) {
        /**
         * Checks and copies.
         *
         * @param applicationDir see the record description
         * @param systemDirs     see the record description
         * @param environment    see the record description
         * @param currentDir     see the record description
         * @param isFile         see the record description
         */
        public Context {
            systemDirs = List.copyOf(systemDirs);
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(currentDir, "currentDir");
            Objects.requireNonNull(isFile, "isFile");
        }
    }

    private ProgramSearch() {
    }

    /**
     * A file's attributes as {@code FindFirstFileW} reports them, without following a reparse point.
     *
     * @param fileAttributes {@code FILE_ATTRIBUTE_*} bits
     * @param reparseTag     the reparse tag ({@code dwReserved0}) when {@code FILE_ATTRIBUTE_REPARSE_POINT} is
     *                       set, else 0
     */
    public record RawAttributes(int fileAttributes, int reparseTag) {
        /** @return whether this is an App Execution Alias: a non-directory reparse point tagged APPEXECLINK */
        public boolean isAppExecLink() {
            return (fileAttributes & WinConstants.FILE_ATTRIBUTE_REPARSE_POINT) != 0
                    && (fileAttributes & WinConstants.FILE_ATTRIBUTE_DIRECTORY) == 0
                    && reparseTag == WinConstants.IO_REPARSE_TAG_APPEXECLINK;
        }
    }

    /**
     * The backend's "is there a program here" predicate: a regular file, or an App Execution Alias, which
     * {@code isRegularFile} (following the link) rejects.
     *
     * @param isRegularFile  the regular-file test ({@code Files::isRegularFile})
     * @param rawAttributes  a path's own attributes, empty when it does not exist
     * @return the predicate
     */
    public static Predicate<Path> runnableFile(Predicate<Path> isRegularFile,
                                               Function<Path, Optional<RawAttributes>> rawAttributes) {
        Objects.requireNonNull(isRegularFile, "isRegularFile");
        Objects.requireNonNull(rawAttributes, "rawAttributes");
        return p -> {
            if (isRegularFile.test(p)) {
                return true;
            }
            boolean alias = rawAttributes.apply(p).map(RawAttributes::isAppExecLink).orElse(false);
            if (alias) {
                LOG.debug("{} is an App Execution Alias (IO_REPARSE_TAG_APPEXECLINK): run as a file", p);
            }
            return alias;
        };
    }

    /**
     * Finds a program.
     *
     * @param program    the program as given
     * @param searchPath whether a bare name is searched (false: it is a path relative to the current directory)
     * @param ctx        where to look
     * @return the file, empty when there is none
     * @throws IllegalArgumentException if the program is empty or ends with a path separator
     */
    public static Optional<Path> find(String program, boolean searchPath, Context ctx) {
        Objects.requireNonNull(program, "program");
        if (program.isEmpty()) {
            throw new IllegalArgumentException("program is empty");
        }
        char last = program.charAt(program.length() - 1);
        if (last == '\\' || last == '/') {
            throw new IllegalArgumentException("program names a directory, not a file: \"" + program + "\"");
        }
        List<String> exts = pathExt(ctx.environment());
        if (!searchPath || hasDirectoryPart(program)) {
            Path p = toPath(program);
            if (p == null) {
                return Optional.empty();
            }
            Path base = p.isAbsolute() ? p : ctx.currentDir().resolve(p);
            return tryIn(base.getParent(), base.getFileName().toString(), exts, ctx.isFile());
        }
        for (Path dir : searchDirectories(ctx)) {
            Optional<Path> hit = tryIn(dir, program, exts, ctx.isFile());
            if (hit.isPresent()) {
                LOG.debug("found {} as {}", program, hit.get());
                return hit;
            }
        }
        LOG.debug("{} not found in the application dir, system dirs or the child's PATH", program);
        return Optional.empty();
    }

    /**
     * The directories searched for a bare name, in order.
     *
     * @param ctx where to look
     * @return the directories
     */
    public static List<Path> searchDirectories(Context ctx) {
        List<Path> dirs = new ArrayList<>();
        if (ctx.applicationDir() != null) {
            dirs.add(ctx.applicationDir());
        }
        dirs.addAll(ctx.systemDirs());
        String path = lookup(ctx.environment(), "PATH");
        if (path != null) {
            for (String entry : path.split(";")) {
                String e = entry.trim();
                if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
                    e = e.substring(1, e.length() - 1);
                }
                if (e.isEmpty()) {
                    continue;
                }
                Path p = toPath(e);
                if (p == null || !isAbsoluteWindowsOrLocal(e, p)) {
                    LOG.debug("skipping relative PATH entry {} (the current directory is never searched implicitly)", e);
                    continue;
                }
                dirs.add(p);
            }
        }
        return dirs;
    }

    /**
     * The child's {@code PATHEXT} list.
     *
     * @param env the child's environment
     * @return the extensions, each starting with a dot, in order
     */
    public static List<String> pathExt(Map<String, String> env) {
        String v = lookup(env, "PATHEXT");
        if (v == null) {
            return DEFAULT_PATHEXT;
        }
        List<String> exts = new ArrayList<>();
        for (String e : v.split(";")) {
            String t = e.trim();
            if (t.length() > 1 && t.charAt(0) == '.' && !exts.contains(t)) {
                exts.add(t);
            }
        }
        return exts.isEmpty() ? DEFAULT_PATHEXT : List.copyOf(exts);
    }

    static boolean hasDirectoryPart(String program) {
        return program.indexOf('\\') >= 0 || program.indexOf('/') >= 0
                || (program.length() >= 2 && program.charAt(1) == ':');
    }

    static boolean hasExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1;
    }

    private static Optional<Path> tryIn(Path dir, String name, List<String> exts, Predicate<Path> isFile) {
        for (String candidate : candidates(name, exts)) {
            Path p = dir == null ? toPath(candidate) : resolve(dir, candidate);
            if (p != null && isFile.test(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The file names tried for a program name in one directory.
     *
     * @param name the name
     * @param exts the extensions
     * @return the candidates, in order
     */
    static List<String> candidates(String name, List<String> exts) {
        if (hasExtension(name)) {
            return List.of(name);
        }
        List<String> out = new ArrayList<>(exts.size() + 1);
        for (String e : exts) {
            out.add(name + e.toLowerCase(Locale.ROOT));
        }
        out.add(name);
        return out;
    }

    private static Path resolve(Path dir, String name) {
        try {
            return dir.resolve(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Path toPath(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            LOG.debug("not a valid path here: {}", s);
            return null;
        }
    }

    private static boolean isAbsoluteWindowsOrLocal(String s, Path p) {
        if (p.isAbsolute()) {
            return true;
        }
        // "C:\dir" and "\\server\share" are absolute on Windows even where Path does not know it.
        return (s.length() >= 3 && Character.isLetter(s.charAt(0)) && s.charAt(1) == ':'
                && (s.charAt(2) == '\\' || s.charAt(2) == '/')) || s.startsWith("\\\\");
    }

    static String lookup(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
