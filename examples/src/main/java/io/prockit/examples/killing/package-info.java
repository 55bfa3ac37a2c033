/**
 * Killing processes (seed 003): by pid — a process killing itself, a parent killing its child, a
 * child killing its parent, stop and continue; and by name — listing processes, killing by
 * substring, the {@code pids()} loop, {@code taskkill /F /IM} and {@code /PID}, terminating those
 * older than a limit. Every example signals only processes it started (the by-name ones start
 * uniquely named copies of {@code sleep} to find and kill).
 *
 * <p>Not a library API: the classes are meant to be read and copied.
 */
package io.prockit.examples.killing;
