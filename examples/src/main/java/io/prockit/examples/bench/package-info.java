/**
 * The {@code bench} command: prockit against the C {@code posix_spawn} loop, the JDK's
 * {@link java.lang.ProcessBuilder} and NuProcess, measured side by side in one run, in interleaved
 * rounds, with the targets of issue 7 printed as PASS or MISS, a CSV and a PNG chart.
 *
 * <p>Not public API: an example program. Entry point {@link io.prockit.examples.bench.Bench}.
 */
package io.prockit.examples.bench;
