/**
 * The examples jar: {@link io.prockit.examples.Main} (commands {@code list}, {@code run NAME},
 * {@code all}, {@code help}) and the {@link io.prockit.examples.Examples} registry. Each seed example
 * is a small class with a {@code main} in a sub-package named after its seed: {@code pymotw} (PyMOTW
 * os, seeds 001 and 004), {@code pydocs} (the Python documentation, seeds 000 and 002),
 * {@code killing} (killing processes, seed 003) and {@code windows} (Windows-only ones).
 *
 * <p>Not a library API: the classes are meant to be read and copied.
 */
package io.prockit.examples;
