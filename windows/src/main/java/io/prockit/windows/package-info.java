/**
 * The Windows backend's composition root: {@link io.prockit.windows.WindowsBackend} alone. It builds the parts
 * and hands each the narrow part it uses: the children table ({@code process.Children}) to the spawner, the
 * live environment reader to the spawner, the spawn path to the {@code exec*} emulation. It holds no logic of
 * its own, implements no capability itself ({@code currentProcess()} and {@code windows()} are objects of
 * {@code os}), and no other package uses it (kept by {@code ArchitectureTest}).
 *
 * <p>The packages point one way: the root uses {@code os}, {@code spawn}, {@code process} and {@code platform};
 * {@code os} uses {@code spawn} (command-line parsing, the environment block codec); {@code spawn} uses
 * {@code process} (the child it creates); all of them use {@code platform}, and everything may use {@code jna}.
 *
 * <p>{@code WindowsBackend} is public for {@link java.util.ServiceLoader}; the package is <strong>not API</strong>
 * and no package of the module is exported.
 */
package io.prockit.windows;
