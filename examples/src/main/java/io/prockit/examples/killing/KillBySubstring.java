package io.prockit.examples.killing;

import io.prockit.Child;
import io.prockit.Os;
import io.prockit.ProcessInfo;
import io.prockit.ProcessTable;

import java.util.List;

/**
 * Seed 003, "How to kill processes based on partial strings" ({@code pykill.py}, psutil).
 *
 * <pre>{@code
 * for proc in psutil.process_iter():
 *     if any(procstr in proc.name() for procstr in
 *         ['Adobe', 'CCXProcess', 'CoreSync', 'Creative Cloud']):
 *         print(f'Killing {proc.name()}')
 *         proc.kill()
 * }</pre>
 *
 * <p>As the article advises, try it on harmless processes first: this example starts its own,
 * named after the seed's plus a random token ({@link Decoys}), and the substrings carry the token
 * too. It also kills only its own children — a second guard, so it can never reach anyone's real
 * Adobe process. {@code Photoshop<token>} does not match and survives. {@link ProcessInfo#kill()} is
 * psutil's {@code proc.kill()}: {@code SIGKILL}, through a pidfd that cannot reach a reused pid.
 */
public final class KillBySubstring {
    private KillBySubstring() {
    }

    /**
     * Starts four named processes and kills the three whose names match.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        String t = Decoys.TOKEN;
        try (Decoys decoys = new Decoys()) {
            List<Child> matching = List.of(decoys.start("Adobe" + t), decoys.start("CCXProcess" + t),
                    decoys.start("CoreSync" + t));
            Child photoshop = decoys.start("Photoshop" + t);
            List<String> substrings = List.of("Adobe" + t, "CCXProcess" + t, "CoreSync" + t, "Creative Cloud" + t);

            for (ProcessInfo proc : ProcessTable.list()) {
                if (proc.ppid() == Os.getpid() && substrings.stream().anyMatch(s -> proc.name().contains(s))) {
                    System.out.println("Killing " + proc.name());
                    proc.kill();
                }
            }

            for (Child c : matching) {
                System.out.println(c.pid() + ": " + c.waitFor());
            }
            System.out.println("Photoshop" + t + " " + photoshop.pid() + ": "
                    + (photoshop.tryWait().isPresent() ? "ended" : "still running"));
        }
    }
}
