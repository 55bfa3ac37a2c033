/**
 * The one spawn path: {@link io.prockit.windows.spawn.Spawner} (the only class that calls
 * {@code CreateProcessW}, for {@code Command}, {@code Os.spawn*}, {@code Os.system}, {@code Os.popen*}, the
 * {@code exec*} emulation and the pseudoconsole), and the pure decisions it makes before any system call: the
 * application and command line ({@code LaunchPlan}), MSVCRT quoting and parsing with batch-file escaping
 * ({@link io.prockit.windows.spawn.CommandLine}), the environment block
 * ({@link io.prockit.windows.spawn.EnvironmentBlock}) and the program search
 * ({@link io.prockit.windows.spawn.ProgramSearch}), all pure Java and tested on every OS; plus the ConPTY of
 * {@code Command.pty} ({@code PseudoConsole}, with its drain-until-quiet wait {@code QuietWait}).
 *
 * <p>Uses {@code process} (the child it creates and registers) and {@code platform}, never {@code os} or the
 * composition root. <strong>Not API</strong>: classes are public only for the composition root and the sibling
 * packages; the package is not exported from the module.
 */
package io.prockit.windows.spawn;
