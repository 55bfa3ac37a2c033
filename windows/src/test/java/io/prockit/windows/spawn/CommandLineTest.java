package io.prockit.windows.spawn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    // ---- quote: fixed cases ------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] <{0}> -> <{1}>")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "abc|abc",
            "a b|\"a b\"",
            "a\tb|\"a\tb\"",
            "''|\"\"",
            "a\\b|a\\b",
            "a\\\\b|a\\\\b",
            "dir\\|dir\\",
            "dir\\\\|dir\\\\",
            "a\"b|\"a\\\"b\"",
            "a\\\"b|\"a\\\\\\\"b\"",
            "\"|\"\\\"\"",
            "\"\"|\"\\\"\\\"\"",
            "a b\\|\"a b\\\\\"",
            "a b\\\\|\"a b\\\\\\\\\"",
            "C:\\Program Files\\x\\|\"C:\\Program Files\\x\\\\\"",
            "-Dkey=a b|\"-Dkey=a b\"",
            "%PATH%|%PATH%",
            "a&b|a&b",
            "ünï cödé|\"ünï cödé\"",
            "\\\\server\\share|\\\\server\\share",
    })
    void quotesOneArgumentOnlyWhenNeeded(String arg, String expected) {
        assertEquals(expected, CommandLine.quoteArgument(arg));
        assertEquals(List.of("p", arg), CommandLine.parse("p " + expected));
    }

    @Test
    void quotesWholeArgv() {
        assertEquals("C:\\Tools\\grep.exe \"a b\" \"say \\\"hi\\\"\" dir\\",
                CommandLine.quote(List.of("C:\\Tools\\grep.exe", "a b", "say \"hi\"", "dir\\")));
        assertEquals("\"C:\\Program Files\\app.exe\" x", CommandLine.quote(List.of("C:\\Program Files\\app.exe", "x")));
        assertEquals("\"\" \"\"", CommandLine.quote(List.of("", "")));
        assertEquals("prog", CommandLine.quote(List.of("prog")));
    }

    @Test
    void argv0EndingWithBackslashStaysLiteral() {
        // argv[0] has no escapes, so a trailing backslash before the closing quote is fine.
        String line = CommandLine.quote(List.of("C:\\a dir\\", "x"));
        assertEquals("\"C:\\a dir\\\" x", line);
        assertEquals(List.of("C:\\a dir\\", "x"), CommandLine.parse(line));
        assertEquals(List.of("C:\\a dir\\", "x"), LegacyArgvParser.parse(line));
    }

    @Test
    void neverEmitsDoubledQuoteExceptForEmptyArgument() {
        for (String arg : List.of("\"", "\"\"", "a\"\"b", "\" \"", "\\\"", "x\"", "\\\\\"\"")) {
            String q = CommandLine.quoteArgument(arg);
            assertFalse(hasUnescapedDoubleQuote(q), q);
        }
        assertEquals("\"\"", CommandLine.quoteArgument(""));
    }

    /** Two quotes in a row that are not escaped by an odd run of backslashes. */
    private static boolean hasUnescapedDoubleQuote(String s) {
        int backslashes = 0;
        boolean lastWasBareQuote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                boolean bare = backslashes % 2 == 0;
                if (bare && lastWasBareQuote) {
                    return true;
                }
                lastWasBareQuote = bare;
                backslashes = 0;
            } else {
                lastWasBareQuote = false;
                backslashes = c == '\\' ? backslashes + 1 : 0;
            }
        }
        return false;
    }

    @Test
    void refusesNulNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.quote(List.of("p", "a\0b")));
        assertTrue(e.getMessage().contains("NUL") && e.getMessage().contains("a\\0b"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandLine.quote(List.of("p\0")));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.withRaw("p", "x\0"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.batch("C:\\a.bat", List.of("\0")));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.shell("cmd.exe", "echo \0"));
    }

    @Test
    void refusesQuoteInArgv0AndEmptyArgv() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.quote(List.of("a\"b.exe")));
        assertTrue(e.getMessage().contains("argv[0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandLine.quote(List.of()));
    }

    @Test
    void rawTailIsPassedAsGiven() {
        assertEquals("\"C:\\my app\\x.exe\" /weird \"a\"b", CommandLine.withRaw("C:\\my app\\x.exe", "/weird \"a\"b"));
        assertEquals("x.exe", CommandLine.withRaw("x.exe", ""));
    }

    @Test
    void shellPassesTheCommandAsTyped() {
        assertEquals("C:\\Windows\\System32\\cmd.exe /c \"echo \"a b\" & dir\"",
                CommandLine.shell("C:\\Windows\\System32\\cmd.exe", "echo \"a b\" & dir"));
    }

    // ---- parse: fixed cases (the documented table) --------------------------------------------------

    @ParameterizedTest(name = "[{index}] <{0}>")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "p \"a b c\" d e|a b c,d,e",
            "p \"ab\\\"c\" \"\\\\\" d|ab\"c,\\,d",
            "p a\\\\\\b d\"e f\"g h|a\\\\\\b,de fg,h",
            "p a\\\\\\\"b c d|a\\\"b,c,d",
            "p a\\\\\\\\\"b c\" d e|a\\\\b c,d,e",
            "p a\"b\"\" c d|ab\" c d",
    })
    void parsesLikeTheCRuntime(String line, String expectedCsv) {
        List<String> expected = new ArrayList<>();
        expected.add("p");
        expected.addAll(List.of(expectedCsv.split(",", -1)));
        assertEquals(expected, CommandLine.parse(line));
    }

    @Test
    void parseEdgeCases() {
        assertEquals(List.of(), CommandLine.parse(""));
        assertEquals(List.of("p"), CommandLine.parse("p"));
        assertEquals(List.of("p"), CommandLine.parse("p   "));
        assertEquals(List.of("p", ""), CommandLine.parse("p \"\""));
        assertEquals(List.of("p", "a"), CommandLine.parse("p \t a"));
        assertEquals(List.of("a b"), CommandLine.parse("\"a b\""));
        assertEquals(List.of("ab c"), CommandLine.parse("a\"b c\""));
        assertEquals(List.of("p", "x"), CommandLine.parse("p \"x"));
    }

    // ---- round trip, property style --------------------------------------------------------------

    private static final String POOL = "ab \t\"\\\\\\\"'&|<>^%!()=;,*?xé\u20ac\uD83D\uDE00";

    @Test
    void randomArgvRoundTripsThroughBothParsers() {
        Random rnd = new Random(20240409);
        for (int iter = 0; iter < 20_000; iter++) {
            List<String> argv = new ArrayList<>();
            argv.add(randomProgram(rnd));
            int n = rnd.nextInt(6);
            for (int k = 0; k < n; k++) {
                argv.add(randomString(rnd, POOL, 8));
            }
            String line = CommandLine.quote(argv);
            assertEquals(argv, CommandLine.parse(line), () -> "line: " + line);
            assertEquals(argv, LegacyArgvParser.parse(line), () -> "legacy, line: " + line);
        }
    }

    @Test
    void exhaustiveShortArgumentsRoundTrip() {
        // Every string of length <= 5 over the characters that matter.
        char[] alphabet = {'a', ' ', '\t', '"', '\\'};
        List<String> all = new ArrayList<>();
        all.add("");
        List<String> level = List.of("");
        for (int len = 1; len <= 5; len++) {
            List<String> next = new ArrayList<>();
            for (String s : level) {
                for (char c : alphabet) {
                    next.add(s + c);
                }
            }
            all.addAll(next);
            level = next;
        }
        for (String arg : all) {
            if (!arg.isEmpty()) {
                assertFalse(hasUnescapedDoubleQuote(CommandLine.quoteArgument(arg)), arg);
            }
            for (String tail : List.of("", "z")) {
                List<String> argv = tail.isEmpty() ? List.of("p", arg) : List.of("p", arg, tail);
                String line = CommandLine.quote(argv);
                assertEquals(argv, CommandLine.parse(line), () -> "line: " + line);
                assertEquals(argv, LegacyArgvParser.parse(line), () -> "legacy line: " + line);
            }
        }
        assertEquals(3906, all.size());
    }

    private static String randomProgram(Random rnd) {
        String s = randomString(rnd, "abc \t\\:.é", 10).replace("\"", "");
        return s;
    }

    private static String randomString(Random rnd, String pool, int maxLen) {
        int len = rnd.nextInt(maxLen + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(pool.charAt(rnd.nextInt(pool.length())));
        }
        // never split a surrogate pair in half at the end: harmless, but keep strings well-formed
        return sb.toString();
    }

    // ---- batch files ---------------------------------------------------------------------------

    @Test
    void batchFilesAreRecognisedLikeWindows() {
        assertTrue(CommandLine.isBatchFile("C:\\x\\run.bat"));
        assertTrue(CommandLine.isBatchFile("C:\\x\\RUN.CMD"));
        assertTrue(CommandLine.isBatchFile("run.Bat"));
        assertTrue(CommandLine.isBatchFile("C:\\x\\run.bat. . "));
        assertTrue(CommandLine.isBatchFile("run.cmd..."));
        assertFalse(CommandLine.isBatchFile("run.exe"));
        assertFalse(CommandLine.isBatchFile("run.batch"));
        assertFalse(CommandLine.isBatchFile("bat"));
        assertFalse(CommandLine.isBatchFile(".ba"));
        assertFalse(CommandLine.isBatchFile("C:\\x.bat\\run.exe"));
    }

    @Test
    void batchCommandLineFixedCases() {
        assertEquals("cmd.exe /d /e:ON /v:OFF /c \"\"C:\\x\\build.cmd\" \"100%%cd:~,%\" \"a&b\"\"",
                CommandLine.batch("C:\\x\\build.cmd", List.of("100%", "a&b")));
        assertEquals("cmd.exe /d /e:ON /v:OFF /c \"\"C:\\a b\\t.bat\"\"", CommandLine.batch("C:\\a b\\t.bat", List.of()));
        assertEquals(" plain-arg_1.2/x:y@z?*#$+", batchArg("plain-arg_1.2/x:y@z?*#$+"));
        assertEquals(" \"\"", batchArg(""));
        assertEquals(" \"dir\\\\\"", batchArg("dir\\"));
        assertEquals(" \"a\"\"b\"", batchArg("a\"b"));
        assertEquals(" \"a\\\\\"\"b\"", batchArg("a\\\"b"));
        assertEquals(" \"%%cd:~,%PATH%%cd:~,%\"", batchArg("%PATH%"));
        assertEquals(" \"!x!\"", batchArg("!x!"));
        assertEquals(" \"a^b\"", batchArg("a^b"));
        assertEquals(" \"a b\"", batchArg("a b"));
        assertEquals(" \"a\u0085b\"", batchArg("a\u0085b"));
        assertEquals(" ünï", batchArg("ünï"));
        assertEquals(" C:\\dir\\file", batchArg("C:\\dir\\file"));
    }

    private static String batchArg(String arg) {
        String line = CommandLine.batch("C:\\t.bat", List.of(arg));
        String prefix = "cmd.exe /d /e:ON /v:OFF /c \"\"C:\\t.bat\"";
        assertTrue(line.startsWith(prefix) && line.endsWith("\""), line);
        return line.substring(prefix.length(), line.length() - 1);
    }

    @Test
    void batchRefusesWhatCannotBeEscaped() {
        for (String bad : List.of("a\nb", "a\rb", "\r\n", "x\n& calc.exe")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CommandLine.batch("C:\\t.bat", List.of("ok", bad)));
            assertTrue(e.getMessage().contains("batch file argument"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> CommandLine.batch("C:\\t\".bat", List.of()));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.batch("C:\\dir\\", List.of()));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.batch("C:\\100%\\t.bat", List.of()));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.batchRaw("C:\\t.bat", "a\0"));
    }

    @Test
    void batchRawKeepsTheTail() {
        assertEquals("cmd.exe /d /e:ON /v:OFF /c \"\"C:\\t.bat\" /x \"y\"\"", CommandLine.batchRaw("C:\\t.bat", "/x \"y\""));
    }

    /**
     * The BatBadBut property, checked by simulating cmd.exe on the produced line: after /c strips
     * its outer quotes, every character cmd treats specially lies inside a quoted region, and one
     * round of %-expansion in an environment where every name is defined (to "PWNED") expands
     * nothing from an argument - each defused % comes back as a literal %.
     */
    @Test
    void randomBatchArgumentsCannotEscapeCmdQuoting() {
        Random rnd = new Random(24576);
        String pool = "a1 \t\"\\&|<>^()%!=;,@~:.xé\u0085";
        int refused = 0;
        for (int iter = 0; iter < 20_000; iter++) {
            List<String> args = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                String s = randomString(rnd, pool, 10);
                if (rnd.nextInt(50) == 0) {
                    s += rnd.nextBoolean() ? "\n" : "\r";
                }
                args.add(s);
            }
            String line;
            try {
                line = CommandLine.batch("C:\\dir\\t.bat", args);
            } catch (IllegalArgumentException e) {
                refused++;
                assertTrue(args.stream().anyMatch(a -> a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0), args::toString);
                continue;
            }
            String body = stripSlashCQuotes(line);
            assertSpecialsQuoted(body, line);
            String expanded = expandPercent(body, name -> "PWNED");
            assertFalse(expanded.contains("PWNED"), () -> "expanded: " + expanded + " from " + line);
            assertEquals(body.replace(CommandLine.PERCENT_DEFUSED, "%"), expanded, line);
        }
        assertTrue(refused > 0);
    }

    /** cmd /c with more than two quotes: drop the first and the last quote of the command. */
    private static String stripSlashCQuotes(String line) {
        String afterC = line.substring(line.indexOf("/c ") + 3);
        int first = afterC.indexOf('"');
        int last = afterC.lastIndexOf('"');
        assertTrue(first >= 0 && last > first, line);
        return afterC.substring(0, first) + afterC.substring(first + 1, last) + afterC.substring(last + 1);
    }

    private static void assertSpecialsQuoted(String body, String line) {
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if ("&|<>^()".indexOf(c) >= 0) {
                assertTrue(quoted, () -> "unquoted '" + c + "' at " + body.length() + ": " + line);
            }
        }
        assertFalse(quoted, () -> "unbalanced quotes: " + line);
    }

    /**
     * One left-to-right round of cmd's command-line %-expansion: %NAME% becomes the value when NAME
     * is defined; %NAME:~a,b% a substring; a % that starts no expansion is kept and scanning goes
     * on from the next character.
     */
    static String expandPercent(String s, java.util.function.Function<String, String> env) {
        Map<String, String> builtins = new HashMap<>();
        builtins.put("CD", "C:\\work");
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int end = s.indexOf('%', i + 1);
            if (end < 0) {
                out.append(s, i, s.length());
                break;
            }
            String name = s.substring(i + 1, end);
            if (name.isEmpty()) {
                out.append('%');
                i++;
                continue;
            }
            String base = name;
            String sub = null;
            int colon = name.indexOf(":~");
            if (colon >= 0) {
                base = name.substring(0, colon);
                sub = name.substring(colon + 2);
            }
            String value = builtins.getOrDefault(base.toUpperCase(Locale.ROOT), env.apply(base));
            if (value == null) {
                out.append('%');
                i++;
                continue;
            }
            if (sub != null) {
                String[] parts = sub.split(",", -1);
                int start = parts[0].isEmpty() ? 0 : Integer.parseInt(parts[0].trim());
                int len = parts.length < 2 || parts[1].isEmpty() ? 0 : Integer.parseInt(parts[1].trim());
                value = parts.length < 2 ? value.substring(Math.min(start, value.length()))
                        : value.substring(Math.min(start, value.length()), Math.min(value.length(), start + len));
                if (parts.length >= 2 && parts[1].isEmpty()) {
                    value = "";
                }
            }
            out.append(value);
            i = end + 1;
        }
        return out.toString();
    }

    @Test
    void percentSimulatorSanity() {
        assertEquals("C:\\work", expandPercent("%cd%", n -> null));
        assertEquals("", expandPercent("%cd:~,%", n -> null));
        assertEquals("v", expandPercent("%X%", n -> "v"));
        assertEquals("%X%", expandPercent("%X%", n -> null));
        assertEquals("%", expandPercent(CommandLine.PERCENT_DEFUSED, n -> "PWNED"));
    }
}
