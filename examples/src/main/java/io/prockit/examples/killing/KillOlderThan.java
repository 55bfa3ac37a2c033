package io.prockit.examples.killing;

import io.prockit.Child;
import io.prockit.Os;
import io.prockit.ProcessInfo;
import io.prockit.ProcessTable;

import java.time.Duration;
import java.time.Instant;

/**
 * Seed 003, "close Windows process" after it has run too long (pywin32, WMI {@code CreationDate}).
 *
 * <pre>{@code
 * for p in WMI.ExecQuery('select * from Win32_Process where Name="cmd.exe"'):
 *     create_dt, *_ = p.CreationDate.split('.')
 *     diff = datetime.now() - datetime.strptime(create_dt,'%Y%m%d%H%M%S')
 *     if diff.seconds/60 > 5:
 *         print("Terminating PID:", p.ProcessId)
 *         os.system("taskkill /pid "+str(p.ProcessId))
 * }</pre>
 *
 * <p>The process table gives each process's creation time on every OS. The example starts two
 * processes of one name ({@link Decoys}) four seconds apart and terminates, politely
 * ({@code taskkill} without {@code /F}: {@link ProcessInfo#terminate()}, SIGTERM), those older than two
 * seconds: only the first.
 */
public final class KillOlderThan {
    private KillOlderThan() {
    }

    /**
     * Starts an old and a young process and terminates the old one.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        String name = "cmd" + Decoys.TOKEN;
        Duration limit = Duration.ofSeconds(2);
        try (Decoys decoys = new Decoys()) {
            Child old = decoys.start(name);
            Thread.sleep(4000);
            Child young = decoys.start(name);
            System.out.println("started " + name + ": old " + old.pid() + ", young " + young.pid());

            for (ProcessInfo p : ProcessTable.list()) {
                if (p.name().equals(name) && p.ppid() == Os.getpid()) {
                    Duration diff = p.age(Instant.now());
                    if (diff.compareTo(limit) > 0) {
                        System.out.println("Terminating PID: " + p.pid());
                        p.terminate();
                    }
                }
            }
            System.out.println("old:   " + old.waitFor());
            System.out.println("young: " + (young.hasExited() ? "ended" : "still running"));
        }
    }
}
