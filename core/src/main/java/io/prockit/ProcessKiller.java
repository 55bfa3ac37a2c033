package io.prockit;

import io.prockit.KillReport.Outcome;
import io.prockit.internal.Checks;
import io.prockit.internal.Durations;
import io.prockit.spi.ProcessEntry;
import io.prockit.spi.ProcessTableProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Kills processes with escalation: a polite request, a grace period, then force — psutil's
 * {@code terminate()} / {@code wait_procs(timeout)} / {@code kill()} pattern — optionally with their
 * whole descendant trees, and reports what happened to each ({@link KillReport}).
 *
 * <pre>{@code
 * KillReport r = ProcessQuery.all().name("make").killer()
 *         .grace(Duration.ofSeconds(5))      // SIGTERM, up to 5 s, then SIGKILL
 *         .tree(true)                        // and everything they started (taskkill /T)
 *         .kill();
 * }</pre>
 *
 * <p><b>Self-protection.</b> This JVM and its ancestors (the shell or service that started it)
 * are never signalled unless {@link #allowSelf(boolean)} says so; they are reported as
 * {@link Outcome#SKIPPED_SELF}. A process whose pid was reused since it was found is never touched
 * ({@link Outcome#ALREADY_GONE}).
 *
 * <p><b>Trees.</b> With {@link #tree(boolean)} the matched processes are frozen first
 * ({@link ProcessInfo#suspend()}: {@code SIGSTOP}), then the table is walked again and again, each
 * new descendant frozen too, until a walk finds nothing new: a frozen process cannot start more, so
 * the set is then complete. All get the polite request and are continued so they can act on it; any
 * that survive the grace period are frozen, walked once more (catching children started during the
 * grace period) and killed.
 *
 * <p>Platform notes: Linux and macOS follow the description above; a descendant that escaped by
 * changing parent before it was frozen (a double fork that already finished) is not found — only a
 * process group, session or cgroup holds such processes. Windows freezes with
 * {@code NtSuspendProcess}, asks politely with {@code WM_CLOSE} / {@code CTRL_BREAK_EVENT} (most console
 * programs have no window: use a grace period of zero there to go straight to
 * {@code TerminateProcess}), and finds descendants by the parent pid of a Toolhelp32 snapshot, with the
 * same creation-time check against pid reuse.
 *
 * <p>Waiting for the signalled processes to end: on Linux one {@code poll(2)} over a pidfd of each (up to
 * 1,024 at once), so each end is seen as it happens; on macOS, Windows and beyond 1,024 processes the
 * table is polled with a pause growing from 1 to 25 ms.
 *
 * <p>Availability: Linux, macOS, Windows.
 */
public final class ProcessKiller {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessKiller.class);
    private static final Duration AFTER_FORCE = Duration.ofSeconds(5);
    private static final int MAX_WALKS = 64;

    private final List<ProcessInfo> targets;
    private Signal signal;
    private Duration grace = Duration.ofSeconds(5);
    private boolean escalate = true;
    private boolean tree;
    private boolean allowSelf;
    private boolean dryRun;

    private ProcessKiller(List<ProcessInfo> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * @param processes the processes to end
     * @return a killer with the defaults: polite request, 5 s grace, escalation, no tree, no self
     */
    public static ProcessKiller of(List<ProcessInfo> processes) {
        Objects.requireNonNull(processes, "processes");
        return new ProcessKiller(processes);
    }

    /**
     * @param processes the processes to end
     * @return a killer with the defaults
     */
    public static ProcessKiller of(ProcessInfo... processes) {
        return of(List.of(processes));
    }

    /**
     * @param signal the polite request; default {@code null}: {@link ProcessInfo#terminate()} ({@code SIGTERM}).
     *               {@code SIGKILL} here skips the grace period.
     * @return this
     */
    public ProcessKiller signal(Signal signal) {
        this.signal = signal;
        return this;
    }

    /**
     * @param grace how long to wait after the polite request before forcing; zero forces at once. Anything up
     *              to {@code ChronoUnit.FOREVER} is accepted (beyond about 146 years it means "no limit")
     * @return this
     * @throws IllegalArgumentException if negative (checked here, before anything is signalled)
     */
    public ProcessKiller grace(Duration grace) {
        this.grace = Checks.timeout(grace);
        return this;
    }

    /**
     * @param escalate false to send only the polite request, wait the grace period, and report
     *                 survivors as {@link Outcome#SIGNALLED}
     * @return this
     */
    public ProcessKiller escalate(boolean escalate) {
        this.escalate = escalate;
        return this;
    }

    /**
     * @param tree also kill every descendant (see the class description)
     * @return this
     */
    public ProcessKiller tree(boolean tree) {
        this.tree = tree;
        return this;
    }

    /**
     * @param allowSelf let this JVM and its ancestors be signalled when they match
     * @return this
     */
    public ProcessKiller allowSelf(boolean allowSelf) {
        this.allowSelf = allowSelf;
        return this;
    }

    /**
     * @param dryRun only report what would be signalled (tree members included), touch nothing
     * @return this
     */
    public ProcessKiller dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    /** A process being handled. */
    private static final class Member {
        final ProcessEntry entry;
        final String name;
        final boolean treeMember;
        Outcome outcome;
        OsException error;
        boolean live = true;

        Member(ProcessEntry entry, String name, boolean treeMember) {
            this.entry = entry;
            this.name = name;
            this.treeMember = treeMember;
        }

        void finish(Outcome o, OsException e) {
            outcome = o;
            error = e;
            live = false;
        }
    }

    /**
     * Runs the kill.
     *
     * @return what happened to each process
     * @throws InterruptedException if interrupted while waiting (processes already signalled stay so)
     */
    public KillReport kill() throws InterruptedException {
        ProcessTableProvider provider = ProcessTable.provider();
        Set<Integer> protectedPids = new HashSet<>();
        if (!allowSelf) {
            ProcessInfo self = ProcessTable.self();
            protectedPids.add(self.pid());
            self.parents().forEach(p -> protectedPids.add(p.pid()));
        }
        Map<Integer, Member> members = new LinkedHashMap<>();
        List<KillReport.Entry> skipped = new ArrayList<>();
        for (ProcessInfo p : targets) {
            if (members.containsKey(p.pid())) {
                continue;
            }
            Member m = new Member(p.entry(), p.orElse(ProcessInfo::name, "?"), false);
            members.put(p.pid(), m);
            if (protectedPids.contains(p.pid())) {
                m.finish(Outcome.SKIPPED_SELF, null);
            } else if (!provider.isRunning(p.entry())) {
                m.finish(Outcome.ALREADY_GONE, null);
            }
        }
        if (dryRun) {
            if (tree) {
                List<ProcessEntry> roots = live(members);
                for (ProcessEntry d : ProcessInfo.descendants(provider, roots, provider.list(), true)) {
                    if (!members.containsKey(d.pid()) && !protectedPids.contains(d.pid())) {
                        members.put(d.pid(), new Member(d, nameOf(d), true));
                    }
                }
            }
            members.values().stream().filter(m -> m.live).forEach(m -> m.finish(Outcome.WOULD_SIGNAL, null));
            return report(members, skipped);
        }
        boolean force = signal != null && signal.equals(Signal.SIGKILL);
        if (tree) {
            freeze(provider, members, protectedPids);
        }
        // The polite request (or SIGKILL when that was asked for).
        for (Member m : members.values()) {
            if (!m.live) {
                continue;
            }
            try {
                if (signal == null || signal.equals(Signal.SIGTERM)) {
                    provider.terminate(m.entry);
                } else if (force) {
                    provider.kill(m.entry);
                } else {
                    provider.signal(m.entry, signal.number());
                }
                if (force) {
                    m.outcome = Outcome.FORCED;
                }
            } catch (OsException e) {
                fail(m, e);
            }
        }
        if (tree && !force && (signal == null || !signal.equals(Signal.SIGSTOP))) {
            for (Member m : members.values()) {
                if (m.live) {
                    quiet(() -> provider.resume(m.entry));
                }
            }
        }
        Duration wait = force ? AFTER_FORCE : grace;
        awaitAll(provider, members, wait, force ? Outcome.FORCED : Outcome.ENDED);
        if (!force && escalate && members.values().stream().anyMatch(m -> m.live)) {
            if (tree) {
                freeze(provider, members, protectedPids);
            }
            for (Member m : members.values()) {
                if (!m.live) {
                    continue;
                }
                try {
                    provider.kill(m.entry);
                } catch (OsException e) {
                    fail(m, e);
                }
            }
            awaitAll(provider, members, AFTER_FORCE, Outcome.FORCED);
        }
        for (Member m : members.values()) {
            if (m.live) {
                m.finish(force || escalate ? Outcome.SURVIVED : Outcome.SIGNALLED, null);
            }
        }
        return report(members, skipped);
    }

    private static String nameOf(ProcessEntry e) {
        try {
            return e.name();
        } catch (OsException x) {
            return "?";
        }
    }

    private static List<ProcessEntry> live(Map<Integer, Member> members) {
        return members.values().stream().filter(m -> m.live).map(m -> m.entry).toList();
    }

    private static void fail(Member m, OsException e) {
        if (e.kind() == ErrorKind.NO_SUCH_PROCESS || e.kind() == ErrorKind.ZOMBIE) {
            m.finish(m.outcome == null ? Outcome.ALREADY_GONE : m.outcome, null);
        } else {
            m.finish(Outcome.DENIED, e);
        }
    }

    private static void quiet(Runnable r) {
        try {
            r.run();
        } catch (OsException e) {
            LOG.debug("during a tree kill: {}", e.getMessage());
        }
    }

    /** Stops every live member, then walks the table until no new descendant appears, stopping each new one. */
    private static void freeze(ProcessTableProvider provider, Map<Integer, Member> members, Set<Integer> protectedPids) {
        for (Member m : members.values()) {
            if (m.live) {
                try {
                    provider.suspend(m.entry);
                } catch (OsException e) {
                    fail(m, e);
                }
            }
        }
        for (int walk = 0; walk < MAX_WALKS; walk++) {
            List<ProcessEntry> found = ProcessInfo.descendants(provider, live(members), provider.list(), true);
            int added = 0;
            for (ProcessEntry d : found) {
                if (members.containsKey(d.pid()) || protectedPids.contains(d.pid())) {
                    continue;
                }
                Member m = new Member(d, nameOf(d), true);
                members.put(d.pid(), m);
                added++;
                try {
                    provider.suspend(d);
                } catch (OsException e) {
                    fail(m, e);
                }
            }
            LOG.debug("tree walk {}: {} new descendants", walk, added);
            if (added == 0) {
                return;
            }
        }
        LOG.debug("tree still growing after {} walks; killing what was found", MAX_WALKS);
    }

    private static void awaitAll(ProcessTableProvider provider, Map<Integer, Member> members, Duration timeout,
                                 Outcome outcome) throws InterruptedException {
        long deadline = Durations.deadline(timeout);
        while (true) {
            List<ProcessEntry> running = new ArrayList<>();
            for (Member m : members.values()) {
                if (m.live) {
                    if (provider.isRunning(m.entry)) {
                        running.add(m.entry);
                    } else {
                        m.finish(outcome, null);
                    }
                }
            }
            long left = Durations.remaining(deadline);
            if (running.isEmpty() || left <= 0) {
                return;
            }
            provider.awaitAnyExit(running, Duration.ofNanos(left)); // then look again at every member
        }
    }

    private static KillReport report(Map<Integer, Member> members, List<KillReport.Entry> extra) {
        List<KillReport.Entry> out = new ArrayList<>();
        for (Member m : members.values()) {
            out.add(new KillReport.Entry(m.entry.pid(), m.name, m.treeMember, m.outcome, Optional.ofNullable(m.error)));
        }
        out.addAll(extra);
        return new KillReport(out);
    }
}
