package io.prockit.examples.killing;

import io.prockit.Child;
import io.prockit.OsException;
import io.prockit.ProcessInfo;
import io.prockit.ProcessTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 003, "Python kills the Windows process": "1 Query all PIDs" (psutil).
 *
 * <pre>{@code
 * list_process = list()
 * pid_list = psutil.pids()
 * for sub_pid in pid_list:
 *     try:
 *         process_info = psutil.Process(sub_pid)
 *         if process_name == process_info.name():
 *             list_process.append(sub_pid)
 *     except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
 *         pass
 * }</pre>
 *
 * <p>Between listing the pids and reading one, a process may end (NoSuchProcess), be out of reach
 * (AccessDenied) or be a zombie (ZombieProcess): prockit's {@link OsException} says which with its
 * {@code kind()}. The example starts three processes named {@code make<token>} to find.
 */
public final class PidsByName {
    private PidsByName() {
    }

    /**
     * Finds the pids of every process with a given name.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while cleaning up
     */
    public static void main(String[] args) throws InterruptedException {
        String processName = "make" + Decoys.TOKEN;
        try (Decoys decoys = new Decoys()) {
            List<Integer> started = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Child c = decoys.start(processName);
                started.add(c.pid());
            }
            System.out.println("started " + processName + ": " + started);

            List<Integer> listProcess = new ArrayList<>();
            List<Integer> pidList = ProcessTable.list().stream().map(ProcessInfo::pid).toList();   // psutil.pids()
            for (int subPid : pidList) {
                try {
                    ProcessInfo processInfo = ProcessTable.of(subPid);                  // psutil.Process(pid)
                    if (processName.equals(processInfo.name())) {
                        listProcess.add(subPid);
                    }
                } catch (OsException e) {
                    switch (e.kind()) {
                        case NO_SUCH_PROCESS, PERMISSION_DENIED, ZOMBIE -> { }
                        default -> throw e;
                    }
                }
            }
            System.out.println("found   " + processName + ": " + listProcess);
        }
    }
}
