/**
 * Killing processes (seed 003): by pid — a process killing itself, a parent killing its child, a
 * child killing its parent, stop and continue. Every example signals only processes it started.
 *
 * <p>Not a library API: the classes are meant to be read and copied.
 */
package io.prockit.examples.killing;
