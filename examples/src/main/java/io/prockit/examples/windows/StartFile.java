package io.prockit.examples.windows;

import io.prockit.Os;
import io.prockit.examples.Platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Seeds 000/002, Python docs, {@code os.startfile(path)}: start a file with its associated
 * application, like double-clicking it in Explorer. Availability: Windows.
 *
 * <pre>{@code
 * os.startfile('notes.txt')
 * }</pre>
 *
 * <p>As in Python, the call returns as soon as the application is launched; there is no way to
 * wait for it or get its exit status. The port uses the shell's {@code start} command, which calls
 * {@code ShellExecute} as {@code startfile} does. It opens a window, so {@code all} does not run it.
 */
public final class StartFile {
    private StartFile() {
    }

    /**
     * Opens a file (a new text file unless one is given) with its associated application.
     *
     * @param args optionally the file to open
     * @throws Exception if the text file cannot be written
     */
    public static void main(String[] args) throws Exception {
        if (!Platform.isWindows()) {
            System.out.println("startfile needs Windows; this is " + System.getProperty("os.name") + ".");
            return;
        }
        Path file = args.length > 0 ? Path.of(args[0])
                : Files.writeString(Files.createTempFile("prockit-startfile", ".txt"),
                        "Opened by prockit's startfile example.\r\n", StandardCharsets.UTF_8);
        // start's first quoted argument is the window title; the second is the file.
        long exitCode = Os.system("start \"\" \"" + file.toAbsolutePath() + "\"");
        System.out.println("startfile(" + file + "): start returned " + exitCode);
    }
}
