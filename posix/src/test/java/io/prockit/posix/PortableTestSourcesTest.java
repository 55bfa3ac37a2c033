package io.prockit.posix;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source scan of every module's {@code src/test/java} (found from this module's directory, the
 * working directory of the test run): code that runs on macOS or Windows must not read {@code /proc},
 * hard-code a program under {@code /bin/} ({@code /bin/sh} aside: both Linux and macOS have it, and it is
 * used where the shell is the point) or split process output on {@code "\n"} alone ({@code \r\n} on
 * Windows). Runs on every OS, so the Linux build catches what would fail on the matrix's first run.
 *
 * <p>Where a line runs is read roughly from the {@code @EnabledOnOs} / {@code @DisabledOnOs} annotations
 * of its class and of the member it is in (a member starts at a line indented by four spaces); a class
 * without them runs everywhere. A line that is right anyway (a guarded Linux branch, a fixture string that
 * is never opened) carries {@code os-scan:} and the reason, on the line or the one above.
 */
class PortableTestSourcesTest {
    enum Os { LINUX, MAC, WINDOWS }

    private static final List<String> MODULES = List.of("core", "posix", "windows", "examples");
    private static final Pattern PROC = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*/proc\\b");
    private static final Pattern BIN = Pattern.compile("\"/bin/(?!sh\")");
    private static final Pattern SPLIT_NL = Pattern.compile("\\.split\\(\"\\\\n\"\\)");
    private static final Pattern TYPE_DECL = Pattern.compile(
            "^(public |final |abstract |sealed |non-sealed )*(class|interface|record|enum) \\w+.*");
    private static final Pattern OS_ANNOTATION = Pattern.compile("@(EnabledOnOs|DisabledOnOs)\\s*\\(([^)]*)\\)");

    record Finding(Path file, int line, String rule, Set<Os> runsOn, String text) {
        @Override
        public String toString() {
            return file + ":" + line + " " + rule + " (runs on " + runsOn + "): " + text.strip();
        }
    }

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("posix/src/test/java")) && Files.isDirectory(p.resolve("core"))) {
                return p;
            }
        }
        throw new IllegalStateException("no project root above " + here);
    }

    /** Applies the OS annotations found in {@code lines} to {@code set}. */
    static Set<Os> apply(Set<Os> set, List<String> lines) {
        Set<Os> out = EnumSet.noneOf(Os.class);
        out.addAll(set);
        for (String l : lines) {
            Matcher m = OS_ANNOTATION.matcher(l);
            while (m.find()) {
                Set<Os> named = EnumSet.noneOf(Os.class);
                for (Os os : Os.values()) {
                    if (Pattern.compile("\\b" + os + "\\b").matcher(m.group(2)).find()) {
                        named.add(os);
                    }
                }
                if (m.group(1).equals("EnabledOnOs")) {
                    out.retainAll(named);
                } else {
                    out.removeAll(named);
                }
            }
        }
        return out;
    }

    /** The code of a line without its comment (roughly: a {@code //} outside a string) or empty for comment lines. */
    static String code(String line) {
        String t = line.strip();
        if (t.startsWith("//") || t.startsWith("*") || t.startsWith("/*")) {
            return "";
        }
        boolean inString = false;
        for (int i = 0; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static List<Finding> scan(Path file, List<String> lines) {
        int decl = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (TYPE_DECL.matcher(lines.get(i)).matches()) {
                decl = i;
                break;
            }
        }
        Set<Os> classSet = apply(EnumSet.allOf(Os.class), decl < 0 ? List.of() : lines.subList(0, decl));
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String code = code(lines.get(i));
            String rule = PROC.matcher(code).find() ? "reads /proc"
                    : BIN.matcher(code).find() ? "hard-codes /bin/"
                    : SPLIT_NL.matcher(code).find() ? "splits on \"\\n\" alone" : null;
            if (rule == null || lines.get(i).contains("os-scan:") || (i > 0 && lines.get(i - 1).contains("os-scan:"))) {
                continue;
            }
            Set<Os> runsOn = apply(classSet, memberAnnotations(lines, i, decl));
            if (runsOn.contains(Os.MAC) || runsOn.contains(Os.WINDOWS)) {
                out.add(new Finding(file, i + 1, rule, runsOn, lines.get(i)));
            }
        }
        return out;
    }

    /** The annotation lines of the member (indented by four spaces) that line {@code at} is in. */
    static List<String> memberAnnotations(List<String> lines, int at, int decl) {
        int start = -1;
        for (int i = at; i > decl; i--) {
            String l = lines.get(i);
            if (l.startsWith("    ") && !l.startsWith("     ") && !l.strip().startsWith("}") && !l.strip().startsWith("@")
                    && !l.strip().startsWith("*") && !l.strip().startsWith("/") && !l.isBlank()) {
                start = i;
                break;
            }
        }
        List<String> ann = new ArrayList<>();
        for (int i = start - 1; i > decl && start > 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("    @") || l.startsWith("    //") || (l.startsWith("     ") && ann.size() > 0 && !l.strip().startsWith("*"))) {
                ann.add(l);
            } else {
                break;
            }
        }
        return ann;
    }

    @Test
    void testsThatRunOnMacOsOrWindowsUseNoLinuxOnlyPathsOrNewlines() throws IOException {
        Path root = root();
        List<Finding> findings = new ArrayList<>();
        int files = 0;
        for (String module : MODULES) {
            Path dir = root.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                    if (f.getFileName().toString().equals("PortableTestSourcesTest.java")) {
                        continue; // its patterns and fixtures name what it looks for
                    }
                    files++;
                    findings.addAll(scan(root.relativize(f), Files.readAllLines(f, StandardCharsets.UTF_8)));
                }
            }
        }
        assertTrue(files > 50, "the scan found the test sources: " + files + " files under " + root);
        assertEquals(List.of(), findings.stream().map(Finding::toString).toList(),
                "test code that runs on macOS or Windows must read no /proc, hard-code no /bin/ program but /bin/sh, "
                        + "and split output with lines() or \\R; mark a line that is right anyway with os-scan: and why");
    }

    @Test
    void theScanSeesWhatItLooksFor() {
        List<String> src = List.of(
                "package x;",
                "@EnabledOnOs({OS.LINUX, OS.MAC})",
                "class T {",
                "    @Test",
                "    void a() {",
                "        read(\"/proc/self/fd\");",
                "    }",
                "",
                "    @Test",
                "    @EnabledOnOs(OS.LINUX) // pidfds",
                "    void b() {",
                "        read(\"/proc/self/fd\");",
                "        run(\"/bin/true\");",
                "    }",
                "",
                "    @Test",
                "    void c() {",
                "        run(\"/bin/sh\", \"-c\", \"x\"); // the shell is the point",
                "        run(\"/bin/echo\");",
                "        out.split(\"\\n\");",
                "        out.split(\"\\\\R\");",
                "        read(\"/proc/1/stat\"); // os-scan: a fixture name, never opened",
                "    }",
                "}");
        List<Finding> f = scan(Path.of("T.java"), src);
        assertEquals(List.of(6, 19, 20), f.stream().map(Finding::line).toList(), f.toString());
        assertEquals(EnumSet.of(Os.LINUX, Os.MAC), f.get(0).runsOn());
        assertEquals(List.of(), scan(Path.of("W.java"), List.of("@EnabledOnOs(OS.LINUX)", "class W {",
                "    void a() {", "        read(\"/proc/self/fd\");", "    }", "}")));
        assertEquals(1, scan(Path.of("D.java"), List.of("@DisabledOnOs(OS.LINUX)", "class D {",
                "    void a() {", "        x.split(\"\\n\");", "    }", "}")).size());
    }
}
