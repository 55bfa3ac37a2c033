package io.prockit.posix.spawn;

import io.prockit.posix.darwin.DarwinConstants;
import io.prockit.posix.linux.LinuxConstants;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.PosixOptions;
import io.prockit.Stdio;
import io.prockit.WindowsOptions;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code Command}'s redirects through {@link SpawnPlan}, for any combination of standard-stream choices
 * and extra descriptors, on Linux's and macOS's rules: run on a model of the child's descriptor table, every
 * child descriptor ends up with what the redirect names in the parent as it was at spawn.
 */
class SpawnPlanPropertyTest {
    /** Paths in plans that are never run: no file is looked at. */
    private static final String TRUE = "/bin/true"; // os-scan: a path in a plan, never run
    private static final String ECHO = "/bin/echo"; // os-scan: a path in a plan, never run

    private static final int PIPE_IN = 20;
    private static final int PIPE_OUT = 21;
    private static final int PIPE_ERR = 22;

    @Provide
    Arbitrary<Stdio> input() {
        return Arbitraries.oneOf(Arbitraries.of(Stdio.inherit(), Stdio.pipe(), Stdio.discard(),
                Stdio.from(Path.of("/in"))), Arbitraries.integers().between(0, 9).map(Stdio::fd));
    }

    @Provide
    Arbitrary<Stdio> output() {
        return Arbitraries.oneOf(Arbitraries.of(Stdio.inherit(), Stdio.pipe(), Stdio.discard(),
                Stdio.to(Path.of("/out"))), Arbitraries.integers().between(0, 9).map(Stdio::fd));
    }

    @Provide
    Arbitrary<Stdio> error() {
        return Arbitraries.oneOf(Arbitraries.of(Stdio.inherit(), Stdio.pipe(), Stdio.discard(), Stdio.toStdout(),
                Stdio.to(Path.of("/err"))), Arbitraries.integers().between(0, 9).map(Stdio::fd));
    }

    /** What a redirect names: {@code "P<n>"} for the parent's descriptor n, {@code "F<path>"} for a file. */
    private static String expected(Stdio s, int target, String stdoutExpected) {
        if (s instanceof Stdio.Inherit) {
            return "P" + target;
        }
        if (s instanceof Stdio.Pipe) {
            return "P" + (target == 0 ? PIPE_IN : target == 1 ? PIPE_OUT : PIPE_ERR);
        }
        if (s instanceof Stdio.Fd f) {
            return "P" + f.parentFd();
        }
        if (s instanceof Stdio.Discard) {
            return "F/dev/null";
        }
        if (s instanceof Stdio.ReadFile f) {
            return "F" + f.file();
        }
        if (s instanceof Stdio.WriteFile f) {
            return "F" + f.file();
        }
        return stdoutExpected; // toStdout
    }

    @Property(tries = 2000)
    void everyChildDescriptorGetsWhatItsRedirectNamesInTheParent(
            @ForAll("input") Stdio in, @ForAll("output") Stdio out, @ForAll("error") Stdio err,
            @ForAll @Size(max = 5) Map<@IntRange(min = 3, max = 9) Integer, @IntRange(min = 0, max = 9) Integer> extra,
            @ForAll boolean darwin) {
        PosixConstants c = darwin ? new PosixConstants("macOS", DarwinConstants.class) : new PosixConstants("Linux", LinuxConstants.class);
        Set<Integer> parentOpen = new TreeSet<>();
        for (int fd = 0; fd <= 9; fd++) {
            parentOpen.add(fd);
        }
        parentOpen.addAll(Set.of(PIPE_IN, PIPE_OUT, PIPE_ERR, 30));
        SpawnPlan.Context ctx = new SpawnPlan.Context() {
            @Override
            public PosixConstants constants() {
                return c;
            }

            @Override
            public boolean darwin() {
                return darwin;
            }

            @Override
            public String liveGetenv(String name) {
                return null;
            }

            @Override
            public Map<String, String> liveEnvironment() {
                return Map.of();
            }

            @Override
            public Path cwd() {
                return Path.of("/");
            }

            @Override
            public boolean parentHasFd(int fd) {
                return parentOpen.contains(fd);
            }

            @Override
            public RuntimeException programError(String operation, String program, int errno) {
                return new IllegalStateException(operation);
            }
        };
        SpawnRequest r = new SpawnRequest(TRUE, java.util.List.of("true"), false, EnvironmentSpec.inherit(),
                null, in, out, err, extra, null, false, false, PosixOptions.defaults(), WindowsOptions.defaults());
        SpawnPlan.ChildEnds ends = new SpawnPlan.ChildEnds(in instanceof Stdio.Pipe ? PIPE_IN : -1,
                out instanceof Stdio.Pipe ? PIPE_OUT : -1, err instanceof Stdio.Pipe ? PIPE_ERR : -1, null);
        SpawnPlan plan = SpawnPlan.of(r, ends, ctx);

        Map<Integer, String> table = new HashMap<>();
        Set<Integer> kept = new TreeSet<>(); // macOS: descriptors an action targets survive CLOEXEC_DEFAULT
        for (int fd : parentOpen) {
            table.put(fd, "P" + fd);
        }
        for (SpawnPlan.Action a : plan.fileActions()) {
            if (a instanceof SpawnPlan.Dup2 d) {
                String file = table.get(d.from());
                assertTrue(file != null, "dup2 from closed " + d.from() + ": " + plan.fileActions());
                table.put(d.to(), file);
                kept.add(d.to());
            } else if (a instanceof SpawnPlan.Open o) {
                table.put(o.fd(), "F" + o.path());
                kept.add(o.fd());
            } else if (a instanceof SpawnPlan.Inherit i) {
                assertTrue(table.containsKey(i.fd()), "inherit of closed " + i.fd());
                kept.add(i.fd());
            } else if (a instanceof SpawnPlan.Close cl) {
                table.remove(cl.fd());
                kept.remove(cl.fd());
            } else if (a instanceof SpawnPlan.CloseOpen co) {
                table.keySet().removeIf(fd -> fd >= co.from() && fd < co.to() && !co.keep().contains(fd));
            } else if (a instanceof SpawnPlan.Closefrom cf) {
                table.keySet().removeIf(fd -> fd >= cf.fd());
            }
        }
        if (darwin) {
            table.keySet().retainAll(kept); // POSIX_SPAWN_CLOEXEC_DEFAULT at the exec
        }

        Map<Integer, String> want = new HashMap<>();
        want.put(0, expected(in, 0, null));
        want.put(1, expected(out, 1, null));
        want.put(2, expected(err, 2, want.get(1)));
        for (Map.Entry<Integer, Integer> e : extra.entrySet()) {
            want.put(e.getKey(), "P" + e.getValue());
        }
        assertEquals(want, table, "in=" + in + " out=" + out + " err=" + err + " extra=" + extra + " darwin=" + darwin
                + " actions=" + plan.fileActions());
    }
}
