package io.prockit.windows.jna;

import com.sun.jna.Structure;

/**
 * <a href="https://learn.microsoft.com/en-us/windows/console/coord-str">COORD</a>: a character cell position or
 * a console size, two {@code SHORT}s; 4 bytes on Win64. {@code CreatePseudoConsole} and
 * {@code ResizePseudoConsole} take it by value.
 *
 * <pre>{@code
 * COORD.ByValue size = COORD.size(24, 80);   // X = 80 columns, Y = 24 rows
 * }</pre>
 *
 * <p>Platform notes: a Windows structure; its layout is the same computed on any JVM.
 */
@Structure.FieldOrder({"X", "Y"})
public class COORD extends Structure {
    /** The column, or the width in columns. */
    public short X;
    /** The row, or the height in rows. */
    public short Y;

    /** Creates a zeroed COORD. */
    public COORD() {
    }

    /** The by-value form, for the functions that take a COORD as an argument. */
    public static class ByValue extends COORD implements Structure.ByValue {
        /** Creates a zeroed COORD. */
        public ByValue() {
        }
    }

    /**
     * @param rows    rows, 1..32767 (a SHORT)
     * @param columns columns, 1..32767
     * @return the size as {@code X = columns, Y = rows}
     */
    public static ByValue size(int rows, int columns) {
        ByValue c = new ByValue();
        c.X = (short) columns;
        c.Y = (short) rows;
        return c;
    }
}
