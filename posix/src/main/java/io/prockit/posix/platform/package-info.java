/**
 * The platform-neutral contract between the shared packages ({@code spawn}, {@code process}, {@code os}) and the
 * platform packages ({@code linux}, {@code darwin}): {@link io.prockit.posix.platform.PosixPlatform} (what differs
 * between the OSes), the output loop's {@link io.prockit.posix.platform.Poller}, the constant table read from a platform's table class
 * ({@link io.prockit.posix.platform.PosixConstants}), the status codec, the signal table, the error helper, the
 * native string packing and the base of the process tables.
 *
 * <p>Why a package of its own: both sides must use these types, and "packages point one way" forbids
 * {@code spawn}/{@code process}/{@code os} from naming {@code linux}/{@code darwin} and the composition root from
 * being used by its parts; a common lower package is the only place that lets both depend on it without a cycle.
 * It holds no number and no {@code if (darwin)}. <strong>Not API</strong>: not exported from the module.
 */
package io.prockit.posix.platform;
