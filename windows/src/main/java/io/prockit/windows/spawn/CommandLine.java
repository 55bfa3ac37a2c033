package io.prockit.windows.spawn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds Windows command lines. A Windows process receives one string, not an argument vector;
 * each program splits it itself, almost always by the Microsoft C runtime's rules (the same as
 * {@code CommandLineToArgvW} for everything prockit produces). This class quotes an argument vector
 * so that those rules give it back exactly, parses by the same rules, and builds the {@code cmd.exe}
 * command line that runs a batch file safely.
 *
 * <pre>{@code
 * CommandLine.quote(List.of("C:\\Tools\\grep.exe", "a b", "say \"hi\"", "dir\\"));
 * // C:\Tools\grep.exe "a b" "say \"hi\"" dir\
 * CommandLine.parse("prog \"a b\" \\\"q\\\"");     // [prog, a b, "q"]
 * CommandLine.batch("C:\\x\\build.cmd", List.of("100%", "a&b"));
 * // cmd.exe /d /e:ON /v:OFF /c ""C:\x\build.cmd" "100%%cd:~,%" "a&b""
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>An argument is quoted only when it must be: when it is empty or holds a space, a tab or a
 *       double quote. Backslashes are doubled only where they precede a double quote (an escaped one
 *       inside the argument, or the closing one); elsewhere they are literal. A double quote is
 *       written {@code \"}, never {@code ""}, so parsers that disagree about {@code ""} inside quotes
 *       (the C runtime before and after 2008, {@code CommandLineToArgvW}) all read the same thing.</li>
 *   <li>{@code argv[0]} is read by different rules (no escapes at all: every {@code "} toggles
 *       quoting), so it is quoted when empty or holding a space or tab, and refused when it holds a
 *       {@code "} (no Windows file name can).</li>
 *   <li>A NUL character anywhere is refused with {@link IllegalArgumentException}.</li>
 *   <li>Batch files ({@code .bat}, {@code .cmd}) are run by {@code cmd.exe}, which expands
 *       {@code %VAR%} and treats {@code & | < > ( ) ^} specially. {@link #batch(String, List)} quotes
 *       every argument that holds anything but letters, digits and {@code #$*+-./:?@\_}, doubles
 *       embedded quotes as cmd expects, defuses each {@code %} with the {@code %%cd:~,%} substring
 *       trick (an always-defined variable cut to nothing, which needs {@code /e:ON}), turns delayed
 *       expansion off ({@code /v:OFF}) so {@code !} is literal, and skips AutoRun ({@code /d}).
 *       Arguments holding a carriage return or line feed are refused: cmd would end the command
 *       there (the BatBadBut class of bugs, CVE-2024-24576).</li>
 * </ul>
 *
 * <p>Platform notes: pure Java, usable and tested on every OS; only the Windows backend passes its
 * results to {@code CreateProcessW}. The rules are the documented ones ("Parsing C++ command-line
 * arguments" in Microsoft's C++ docs), which Rust's standard library follows too.
 */
public final class CommandLine {

    /** cmd.exe's options for running a batch file: no AutoRun, extensions on, no delayed expansion. */
    static final String BATCH_PREFIX = "cmd.exe /d /e:ON /v:OFF /c \"";

    /** ASCII punctuation a batch argument may hold unquoted. */
    private static final String BATCH_SAFE = "#$*+-./:?@\\_";

    /** What stands for each {@code %} in a batch argument: a literal {@code %} and an empty substring of {@code %cd%}. */
    static final String PERCENT_DEFUSED = "%%cd:~,%";

    private CommandLine() {
    }

    /**
     * Quotes an argument vector into one command line by the C runtime's rules.
     *
     * @param argv the arguments, {@code argv[0]} first; not empty
     * @return the command line, parsed back into {@code argv} by {@link #parse(String)}
     * @throws IllegalArgumentException if an argument holds NUL, or {@code argv[0]} holds {@code "}
     */
    public static String quote(List<String> argv) {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        StringBuilder sb = new StringBuilder();
        appendProgramName(sb, argv.get(0));
        for (int i = 1; i < argv.size(); i++) {
            sb.append(' ');
            appendArgument(sb, argv.get(i));
        }
        return sb.toString();
    }

    /**
     * Quotes one argument (not {@code argv[0]}) by the C runtime's rules.
     *
     * @param arg the argument
     * @return it, quoted and escaped where needed
     * @throws IllegalArgumentException if it holds NUL
     */
    public static String quoteArgument(String arg) {
        StringBuilder sb = new StringBuilder(arg.length() + 2);
        appendArgument(sb, arg);
        return sb.toString();
    }

    /**
     * A command line made of {@code argv[0]}, quoted as {@link #quote} does, and a raw tail passed
     * exactly as given: for programs that parse their own command line ({@code WindowsOptions.rawCommandLine}).
     *
     * @param argv0 the program name the child sees
     * @param raw   the rest of the command line; empty for none
     * @return the command line
     * @throws IllegalArgumentException on NUL, or {@code "} in {@code argv0}
     */
    public static String withRaw(String argv0, String raw) {
        checkNoNul("raw command line", raw);
        StringBuilder sb = new StringBuilder();
        appendProgramName(sb, argv0);
        if (!raw.isEmpty()) {
            sb.append(' ').append(raw);
        }
        return sb.toString();
    }

    /**
     * The command line that makes {@code cmd.exe} run {@code command} as typed: {@code argv0 /c "command"}.
     * cmd.exe removes the first and the last quote and runs the rest, so quotes inside the command
     * keep their cmd meaning (quoting them by the C runtime rules would break them).
     *
     * @param argv0   the shell's name, usually {@code %COMSPEC%}
     * @param command the command
     * @return the command line
     */
    public static String shell(String argv0, String command) {
        checkNoNul("shell command", command);
        StringBuilder sb = new StringBuilder();
        appendProgramName(sb, argv0);
        return sb.append(" /c \"").append(command).append('"').toString();
    }

    /**
     * The {@code cmd.exe} command line that runs a batch file with arguments, each escaped for cmd.
     * Pass it to {@code CreateProcessW} with the system's {@code cmd.exe} as the application name.
     *
     * @param script the batch file's full path
     * @param args   its arguments ({@code %1} ...)
     * @return {@code cmd.exe /d /e:ON /v:OFF /c ""script" args..."}
     * @throws IllegalArgumentException if an argument holds NUL, CR or LF, or the script path holds
     *                                  {@code "} or {@code %} or ends with a backslash
     */
    public static String batch(String script, List<String> args) {
        StringBuilder sb = batchStart(script);
        for (String arg : args) {
            sb.append(' ');
            appendBatchArgument(sb, arg);
        }
        return sb.append('"').toString();
    }

    /**
     * As {@link #batch(String, List)}, with a raw tail after the script instead of escaped arguments.
     * The caller answers for what cmd.exe makes of it.
     *
     * @param script the batch file's full path
     * @param raw    the rest of the command line; empty for none
     * @return the cmd.exe command line
     */
    public static String batchRaw(String script, String raw) {
        checkNoNul("raw command line", raw);
        StringBuilder sb = batchStart(script);
        if (!raw.isEmpty()) {
            sb.append(' ').append(raw);
        }
        return sb.append('"').toString();
    }

    /**
     * Whether {@code CreateProcessW} would hand this program to cmd.exe: its file name ends with
     * {@code .bat} or {@code .cmd} in any case, once the trailing dots and spaces Windows ignores in
     * file names are dropped ({@code run.bat .} is {@code run.bat}).
     *
     * @param program a program path
     * @return whether it names a batch file
     */
    public static boolean isBatchFile(String program) {
        int end = program.length();
        while (end > 0 && (program.charAt(end - 1) == '.' || program.charAt(end - 1) == ' ')) {
            end--;
        }
        if (end < 4) {
            return false;
        }
        String ext = program.substring(end - 4, end).toLowerCase(Locale.ROOT);
        return ext.equals(".bat") || ext.equals(".cmd");
    }

    /**
     * Splits a command line by the C runtime's rules (Visual C++ 2008 and later, as
     * {@code CommandLineToArgvW} for everything {@link #quote} produces): {@code argv[0]} ends at the
     * first space or tab outside quotes and has no escapes; after it, space and tab separate
     * arguments outside quotes, {@code 2n} backslashes before a quote give {@code n} and toggle
     * quoting, {@code 2n+1} give {@code n} and a literal quote, other backslashes are literal, and
     * {@code ""} inside quotes is a literal quote.
     *
     * @param commandLine the command line
     * @return the arguments; empty when the line is empty
     */
    public static List<String> parse(String commandLine) {
        List<String> out = new ArrayList<>();
        int n = commandLine.length();
        if (n == 0) {
            return out;
        }
        int i = 0;
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        for (; i < n; i++) {
            char c = commandLine.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if ((c == ' ' || c == '\t') && !inQuotes) {
                break;
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        while (i < n && (commandLine.charAt(i) == ' ' || commandLine.charAt(i) == '\t')) {
            i++;
        }
        cur.setLength(0);
        inQuotes = false;
        boolean pending = false;
        while (i < n) {
            char c = commandLine.charAt(i);
            if ((c == ' ' || c == '\t') && !inQuotes) {
                out.add(cur.toString());
                cur.setLength(0);
                pending = false;
                while (i < n && (commandLine.charAt(i) == ' ' || commandLine.charAt(i) == '\t')) {
                    i++;
                }
                continue;
            }
            pending = true;
            if (c == '\\') {
                int start = i;
                while (i < n && commandLine.charAt(i) == '\\') {
                    i++;
                }
                int count = i - start;
                if (i < n && commandLine.charAt(i) == '"') {
                    cur.append("\\".repeat(count / 2));
                    if (count % 2 == 1) {
                        cur.append('"');
                        i++;
                    }
                } else {
                    cur.append("\\".repeat(count));
                }
                continue;
            }
            if (c == '"') {
                if (inQuotes && i + 1 < n && commandLine.charAt(i + 1) == '"') {
                    cur.append('"');
                    i += 2;
                    continue;
                }
                inQuotes = !inQuotes;
                i++;
                continue;
            }
            cur.append(c);
            i++;
        }
        if (pending || cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    // ---- internals -------------------------------------------------------------------------------

    static void appendProgramName(StringBuilder sb, String argv0) {
        checkNoNul("argv[0]", argv0);
        if (argv0.indexOf('"') >= 0) {
            throw new IllegalArgumentException("argv[0] contains '\"', which the Windows command line cannot carry "
                    + "in the program name: \"" + argv0 + "\"");
        }
        boolean quote = argv0.isEmpty() || argv0.indexOf(' ') >= 0 || argv0.indexOf('\t') >= 0;
        if (quote) {
            sb.append('"').append(argv0).append('"');
        } else {
            sb.append(argv0);
        }
    }

    static void appendArgument(StringBuilder sb, String arg) {
        checkNoNul("argument", arg);
        boolean quote = arg.isEmpty() || needsQuotes(arg);
        if (!quote) {
            // No space, tab or quote: every backslash is literal, nothing to escape.
            sb.append(arg);
            return;
        }
        sb.append('"');
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
            } else {
                if (c == '"') {
                    // n backslashes before a quote become 2n+1: n literal ones and an escaped quote.
                    sb.append("\\".repeat(backslashes + 1));
                }
                backslashes = 0;
            }
            sb.append(c);
        }
        // Backslashes right before the closing quote would escape it: double them.
        sb.append("\\".repeat(backslashes));
        sb.append('"');
    }

    private static boolean needsQuotes(String arg) {
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == ' ' || c == '\t' || c == '"') {
                return true;
            }
        }
        return false;
    }

    private static StringBuilder batchStart(String script) {
        checkNoNul("batch file path", script);
        if (script.indexOf('"') >= 0 || script.endsWith("\\")) {
            throw new IllegalArgumentException("batch file path cannot be passed to cmd.exe safely (it contains '\"' "
                    + "or ends with '\\'): \"" + script + "\"");
        }
        if (script.indexOf('%') >= 0 || script.indexOf('\r') >= 0 || script.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("batch file path cannot be passed to cmd.exe safely (it contains '%', "
                    + "CR or LF, which cmd expands or splits): \"" + script + "\"");
        }
        return new StringBuilder(BATCH_PREFIX).append('"').append(script).append('"');
    }

    static void appendBatchArgument(StringBuilder sb, String arg) {
        checkNoNul("batch file argument", arg);
        if (arg.indexOf('\r') >= 0 || arg.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("batch file argument contains a carriage return or line feed, "
                    + "which cmd.exe would treat as the end of the command; refused: \""
                    + arg.replace("\r", "\\r").replace("\n", "\\n") + "\"");
        }
        // A trailing backslash is quoted too, so that a script writing "%~1" cannot have it escape its quote.
        boolean quote = arg.isEmpty() || arg.endsWith("\\");
        for (int i = 0; i < arg.length() && !quote; i++) {
            char c = arg.charAt(i);
            if (c < 0x80) {
                quote = !(isAsciiAlnum(c) || BATCH_SAFE.indexOf(c) >= 0);
            } else {
                quote = Character.isISOControl(c);
            }
        }
        if (quote) {
            sb.append('"');
        }
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
                sb.append(c);
                continue;
            }
            if (c == '"') {
                // Backslashes before it doubled (for C-runtime parsers behind the script), then cmd's
                // own escape for a quote inside quotes: the quote doubled.
                sb.append("\\".repeat(backslashes));
                sb.append('"');
            } else if (c == '%') {
                sb.append(PERCENT_DEFUSED, 0, PERCENT_DEFUSED.length() - 1);
            }
            backslashes = 0;
            sb.append(c);
        }
        if (quote) {
            sb.append("\\".repeat(backslashes));
            sb.append('"');
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static void checkNoNul(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character: \"" + value.replace("\0", "\\0") + "\"");
        }
    }
}
