package io.prockit.posix.jna;

import com.sun.jna.Platform;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The library directories JNA would search on Linux, found without running {@code /sbin/ldconfig -p}: the
 * multiarch, lib64 and lib directories JNA lists itself, then the directories named in
 * {@code /etc/ld.so.conf} and the files it includes, which are the directories {@code ldconfig} builds its
 * cache from. Reading two or three small files costs well under a millisecond; JNA's {@code ldconfig -p}
 * child process cost 15-20 ms of a cold JVM's first spawn (issue 7).
 */
final class LibraryPath {
    private LibraryPath() {
    }

    /** @return the directories that exist, joined with {@link File#pathSeparator}; empty when none */
    static String linux() {
        String multiarch = (Platform.isIntel() ? (Platform.is64Bit() ? "x86_64" : "i386") : Platform.ARCH)
                + "-linux-gnu";
        String bits = Platform.is64Bit() ? "64" : "32";
        Set<String> dirs = new LinkedHashSet<>();
        for (String d : new String[] {"/usr/lib/" + multiarch, "/lib/" + multiarch, "/usr/lib" + bits,
                "/lib" + bits, "/usr/lib", "/lib"}) {
            dirs.add(d);
        }
        dirs.addAll(ldSoConf(Path.of("/etc/ld.so.conf"), 0));
        StringBuilder path = new StringBuilder();
        for (String d : dirs) {
            if (new File(d).isDirectory()) {
                path.append(path.length() == 0 ? "" : File.pathSeparator).append(d);
            }
        }
        return path.toString();
    }

    /**
     * The directories an {@code ld.so.conf} names, in order: one per line, {@code #} comments, and
     * {@code include PATTERN} lines whose pattern may hold {@code *} or {@code ?} in its last part
     * (relative patterns are relative to the including file's directory). Unreadable files are skipped.
     *
     * @param conf  the file
     * @param depth how deep in includes (bounded, against include loops)
     * @return the directories
     */
    static List<String> ldSoConf(Path conf, int depth) {
        List<String> out = new ArrayList<>();
        if (depth > 8) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return out;
        }
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("include") && line.length() > 7 && Character.isWhitespace(line.charAt(7))) {
                for (String pattern : words(line.substring(8))) {
                    for (Path p : expand(conf.getParent(), pattern)) {
                        out.addAll(ldSoConf(p, depth + 1));
                    }
                }
            } else if (line.startsWith("/")) {
                out.add(firstWord(line)); // old "dir=type" and list forms: the directory only
            }
        }
        return out;
    }

    /*
     * No java.util.regex and no glob PathMatcher here: this runs in every JVM's first spawn, and both
     * pull in lambda-built character classes whose bootstrap cost milliseconds of cold start.
     */

    /** @return the whitespace-separated words of {@code s} */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** @return {@code line} up to its first whitespace, '=', ',' or ':' */
    static String firstWord(String line) {
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (Character.isWhitespace(ch) || ch == '=' || ch == ',' || ch == ':') {
                break;
            }
            i++;
        }
        return line.substring(0, i);
    }

    /**
     * glob(3) matching of one path component, '*' and '?' only (what ld.so.conf include lines use);
     * like glob, a leading '.' is matched only by a literal '.'.
     */
    static boolean matches(String pattern, int p, String name, int n) {
        if (p == 0 && n == 0 && name.startsWith(".") && !pattern.startsWith(".")) {
            return false;
        }
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int k = n; k <= name.length(); k++) {
                    if (matches(pattern, p + 1, name, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (n >= name.length() || (c != '?' && c != name.charAt(n))) {
                return false;
            }
            p++;
            n++;
        }
        return n == name.length();
    }

    private static List<Path> expand(Path base, String pattern) {
        Path p = base != null ? base.resolve(pattern) : Path.of(pattern);
        String last = p.getFileName() == null ? "" : p.getFileName().toString();
        List<Path> found = new ArrayList<>();
        if (last.indexOf('*') < 0 && last.indexOf('?') < 0) {
            found.add(p);
            return found;
        }
        Path dir = p.getParent();
        if (dir == null) {
            return found;
        }
        String[] names = dir.toFile().list();
        if (names == null) {
            return found;
        }
        for (String name : names) {
            if (matches(last, 0, name, 0)) {
                found.add(dir.resolve(name));
            }
        }
        found.sort(null); // ldconfig reads the matches in glob(3) order: sorted
        return found;
    }
}
