package io.prockit;

/**
 * Python's {@code os.terminal_size}: what {@link Os#getTerminalSize(int)} returns.
 *
 * <p>Availability: Linux, macOS.
 *
 * @param columns the width in characters
 * @param lines   the height in lines
 */
public record TerminalSize(int columns, int lines) {
}
