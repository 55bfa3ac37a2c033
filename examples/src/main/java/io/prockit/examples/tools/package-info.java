/**
 * psutil-style command-line tools over prockit's process table, as psutil ships them in its
 * {@code scripts/}: {@link io.prockit.examples.tools.Ps}, {@link io.prockit.examples.tools.Pstree},
 * {@link io.prockit.examples.tools.Pkill} and {@link io.prockit.examples.tools.RunWithTimeout}.
 * Each has {@code run(args, out, err)} returning its exit code and a {@code main}. Examples, not API.
 */
package io.prockit.examples.tools;
