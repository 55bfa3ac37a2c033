package io.prockit.examples.pymotw;

/** Python's {@code repr()} of a string, for printing exactly what the seeds print. */
final class Repr {
    private Repr() {
    }

    static String of(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
