package io.prockit.windows.spawn;

import java.util.List;

/**
 * What {@code CreateProcessW} gets for one spawn: the application to run and its command line.
 * Pure Java, decided before any system call.
 *
 * @param application the full path of the program Windows runs ({@code cmd.exe} for a batch file)
 * @param commandLine the command line the program receives
 * @param batch       whether a batch file is run through {@code cmd.exe}
 */
record LaunchPlan(String application, String commandLine, boolean batch) {

    /**
     * Plans a spawn.
     *
     * @param exe       the resolved program path
     * @param argv      the argument vector, {@code argv[0]} first
     * @param raw       {@code WindowsOptions.rawCommandLine}, or null to quote {@code argv}
     * @param systemCmd the full path of the system's {@code cmd.exe}, used for batch files
     * @return the plan
     * @throws IllegalArgumentException if an argument cannot be passed safely
     */
    static LaunchPlan of(String exe, List<String> argv, String raw, String systemCmd) {
        if (CommandLine.isBatchFile(exe)) {
            // CreateProcessW would start cmd.exe itself with a naive command line; doing it here,
            // with every argument escaped for cmd, is what closes the BatBadBut hole.
            String line = raw != null ? CommandLine.batchRaw(exe, raw)
                    : CommandLine.batch(exe, argv.subList(1, argv.size()));
            return new LaunchPlan(systemCmd, line, true);
        }
        if (raw != null) {
            return new LaunchPlan(exe, CommandLine.withRaw(argv.get(0), raw), false);
        }
        if (isCmdShell(exe, argv)) {
            return new LaunchPlan(exe, CommandLine.shell(argv.get(0), argv.get(2)), false);
        }
        return new LaunchPlan(exe, CommandLine.quote(argv), false);
    }

    /**
     * Whether the spawn is {@code [cmd.exe, /c, command]}, the shape of {@code shellArgv}: cmd.exe
     * does not split its command line by the C runtime's rules, so the command is passed as typed.
     */
    static boolean isCmdShell(String exe, List<String> argv) {
        return argv.size() == 3 && argv.get(1).equalsIgnoreCase("/c") && fileName(exe).equalsIgnoreCase("cmd.exe");
    }

    static String fileName(String path) {
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(cut + 1);
    }
}
