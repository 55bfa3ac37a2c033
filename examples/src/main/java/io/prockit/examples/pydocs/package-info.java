/**
 * Examples from the Python documentation of {@code os} (seeds 000 and 002): {@code execv}'s
 * {@code argv[0]}, the {@code spawnlp}/{@code spawnvpe} equivalence and
 * {@code waitstatus_to_exitcode}.
 *
 * <p>Not a library API: the classes are meant to be read and copied.
 */
package io.prockit.examples.pydocs;
