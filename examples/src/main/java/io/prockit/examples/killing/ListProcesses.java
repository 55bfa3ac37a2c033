package io.prockit.examples.killing;

import io.prockit.ProcessInfo;
import io.prockit.ProcessTable;

/**
 * Seed 003, "How to list processes" (psutil).
 *
 * <pre>{@code
 * '''list running processes'''
 * import psutil
 *
 * for proc in psutil.process_iter():
 *     print(proc.name())
 * }</pre>
 *
 * <p>The names are what the system calls the processes (on Linux, at most 15 characters from the
 * executable's file name), which is what a kill-by-name must match.
 */
public final class ListProcesses {
    private ListProcesses() {
    }

    /**
     * Prints the name of every process.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        for (ProcessInfo proc : ProcessTable.list()) {
            // psutil raises AccessDenied / NoSuchProcess here; orElse gives a placeholder instead
            System.out.println(proc.orElse(ProcessInfo::name, "?"));
        }
    }
}
