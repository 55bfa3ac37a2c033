/**
 * The POSIX backend's composition root: {@link io.prockit.posix.PosixBackend} alone. It picks the platform
 * parts ({@code linux} or {@code darwin}: a {@link io.prockit.posix.platform.PosixPlatform}, the reaper, the tree
 * walk, the process table) and wires them into the shared packages {@code spawn}, {@code process} and
 * {@code os}, handing each part the narrow pieces it uses; no other package uses this one. It is the only
 * package that names a platform (both kept by {@code ArchitectureTest}).
 *
 * <p>{@code PosixBackend} is public for {@link java.util.ServiceLoader}; the package is <strong>not API</strong>
 * and no package of the module is exported.
 */
package io.prockit.posix;
