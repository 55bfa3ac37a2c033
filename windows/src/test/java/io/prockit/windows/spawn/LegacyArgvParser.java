package io.prockit.windows.spawn;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent parser with the older rules ({@code CommandLineToArgvW} and the C runtime before
 * Visual C++ 2008), written for the tests: {@code argv[0]} runs to the next quote when it starts
 * with one, else to the first space or tab; inside quotes {@code ""} gives a literal quote and
 * <em>ends</em> the quoted part. {@link CommandLine#quote} never emits {@code ""} except for an
 * empty argument, so both parsers must agree on its output.
 */
final class LegacyArgvParser {
    private LegacyArgvParser() {
    }

    static List<String> parse(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        StringBuilder cur = new StringBuilder();
        if (n > 0 && s.charAt(0) == '"') {
            i = 1;
            while (i < n && s.charAt(i) != '"') {
                cur.append(s.charAt(i++));
            }
            i++; // the closing quote
        } else {
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                cur.append(s.charAt(i++));
            }
        }
        out.add(cur.toString());
        cur.setLength(0);
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= n) {
            return out;
        }
        boolean inQuotes = false;
        boolean started = false;
        while (i < n) {
            char c = s.charAt(i);
            if (!inQuotes && (c == ' ' || c == '\t')) {
                out.add(cur.toString());
                cur.setLength(0);
                started = false;
                while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                continue;
            }
            started = true;
            if (c == '\\') {
                int k = i;
                while (k < n && s.charAt(k) == '\\') {
                    k++;
                }
                int count = k - i;
                if (k < n && s.charAt(k) == '"') {
                    cur.append("\\".repeat(count / 2));
                    if (count % 2 == 1) {
                        cur.append('"');
                        k++;
                    }
                } else {
                    cur.append("\\".repeat(count));
                }
                i = k;
                continue;
            }
            if (c == '"') {
                if (inQuotes && i + 1 < n && s.charAt(i + 1) == '"') {
                    cur.append('"');
                    inQuotes = false;
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
        if (started) {
            out.add(cur.toString());
        }
        return out;
    }
}
