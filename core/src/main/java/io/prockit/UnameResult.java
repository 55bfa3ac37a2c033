package io.prockit;

/**
 * Python's {@code os.uname()} result.
 *
 * <pre>{@code
 * UnameResult u = Os.uname();   // u.sysname() is "Linux" or "Darwin"
 * }</pre>
 *
 * <p>Platform notes: the fields are the system's {@code struct utsname} (65-byte fields on glibc,
 * 256 on macOS), decoded in the platform's file-name encoding. Python has no {@code uname} on Windows.
 *
 * <p>Availability: Unix (Linux, macOS), as {@code os.uname}.
 *
 * @param sysname  operating system name
 * @param nodename name of the machine on the network
 * @param release  operating system release
 * @param version  operating system version
 * @param machine  hardware identifier
 */
public record UnameResult(String sysname, String nodename, String release, String version, String machine) {
}
