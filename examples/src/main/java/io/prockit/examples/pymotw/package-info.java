/**
 * PyMOTW's {@code os} examples (seeds 001 and 004), ported to prockit: process owner and ids,
 * environment, working directory, {@code popen} to {@code popen4}, {@code system}, {@code fork} and
 * {@code exec} (the JVM way, with {@link io.prockit.JavaChild}), signals, {@code wait},
 * {@code waitpid} and {@code spawn}. Each class's {@code main} is the example; its Javadoc shows the Python it ports.
 *
 * <p>Not a library API: the classes are meant to be read and copied.
 */
package io.prockit.examples.pymotw;
