/**
 * Windows-only examples (seeds 000, 002 and 003): {@code os.startfile} and the console control
 * events {@code CTRL_C_EVENT} / {@code CTRL_BREAK_EVENT}. On other systems each says it needs
 * Windows.
 *
 * <p>Not a library API: the classes are meant to be read and copied.
 */
package io.prockit.examples.windows;
