/**
 * The command-line tools over prockit's process table and spawner, each following the command people
 * already know: {@link io.prockit.examples.tools.Pgrep} and {@link io.prockit.examples.tools.Pkill}
 * (procps-ng), {@link io.prockit.examples.tools.Ps} (procps-ng), {@link io.prockit.examples.tools.Pstree}
 * (psmisc), {@link io.prockit.examples.tools.RunWithTimeout} (GNU coreutils {@code timeout}) and
 * {@link io.prockit.examples.tools.Parallel} (GNU parallel). Each has a {@code run(args, out, err)}
 * returning its exit code and a {@code main}; {@code --help} names its model and what it does not support.
 * Examples, not API.
 */
package io.prockit.examples.tools;
