package io.prockit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ProcessKiller} did to each process: psutil's {@code wait_procs} result
 * ({@code gone}, {@code alive}) made precise.
 *
 * <pre>{@code
 * KillReport r = ProcessQuery.all().name("make").killer().grace(Duration.ofSeconds(5)).kill();
 * System.out.println(r.ended().size() + " ended politely, " + r.forced().size() + " forced");
 * r.entries().forEach(System.out::println);   // pid 4242 (make): ENDED
 * }</pre>
 *
 * <p>Availability: Linux, macOS, Windows.
 *
 * @param entries one per process acted on, in the order they were handled: the matched
 *                processes first, then tree members found below them
 */
public record KillReport(List<Entry> entries) {

    /** Copies the list. */
    public KillReport {
        entries = List.copyOf(entries);
    }

    /** What happened to one process. */
    public enum Outcome {
        /** It ended within the grace period after the polite request ({@code SIGTERM} or the chosen signal). */
        ENDED,
        /** It had to be ended by force ({@code SIGKILL}; Windows {@code TerminateProcess}). */
        FORCED,
        /** It had ended (or its pid belonged to another process) before anything was sent. */
        ALREADY_GONE,
        /** The caller may not signal it. */
        DENIED,
        /** The signal was delivered and no escalation was asked for; it still runs. */
        SIGNALLED,
        /** It still ran after the forced kill and the wait that followed (e.g. stuck in uninterruptible sleep). */
        SURVIVED,
        /** Left alone: this JVM or one of its ancestors, which only an explicit {@link ProcessKiller#allowSelf(boolean)} permits. */
        SKIPPED_SELF,
        /** Dry run: it would have been signalled. */
        WOULD_SIGNAL
    }

    /**
     * One process of the report.
     *
     * @param pid     its pid
     * @param name    its name as it was read, {@code "?"} when unreadable
     * @param treeMember true when it was found as a descendant of a matched process rather than matched itself
     * @param outcome what happened
     * @param error   the error behind {@link Outcome#DENIED}, if any
     */
    public record Entry(int pid, String name, boolean treeMember, Outcome outcome, Optional<OsException> error) {
        /** Checks the fields. */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(error, "error");
        }

        /** @return e.g. {@code pid 4242 (make): ENDED}, with the error for DENIED */
        @Override
        public String toString() {
            return "pid " + pid + " (" + name + ")" + (treeMember ? " [tree]" : "") + ": " + outcome
                    + error.map(e -> " - " + e.getMessage()).orElse("");
        }
    }

    /**
     * @param outcome an outcome
     * @return the entries with that outcome
     */
    public List<Entry> with(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).toList();
    }

    /** @return processes that ended politely */
    public List<Entry> ended() {
        return with(Outcome.ENDED);
    }

    /** @return processes ended by force */
    public List<Entry> forced() {
        return with(Outcome.FORCED);
    }

    /** @return processes gone before anything was sent */
    public List<Entry> alreadyGone() {
        return with(Outcome.ALREADY_GONE);
    }

    /** @return processes the caller may not signal */
    public List<Entry> denied() {
        return with(Outcome.DENIED);
    }

    /**
     * The summary, then one line per process:
     * <pre>
     * 3 processes: 1 ended, 1 forced, 0 already gone, 1 denied
     *   pid 4242 (make): ENDED
     *   pid 4243 (cc1): FORCED
     *   pid 1 (init): DENIED - kill(1): Operation not permitted (errno 1)
     * </pre>
     * Outcomes beyond the four of the summary (survived, signalled, skipped, would signal) are counted only
     * when present.
     *
     * @return the report for people
     */
    @Override
    public String toString() {
        if (entries.isEmpty()) {
            return "0 processes: none matched";
        }
        StringBuilder sb = new StringBuilder().append(entries.size())
                .append(entries.size() == 1 ? " process: " : " processes: ")
                .append(ended().size()).append(" ended, ")
                .append(forced().size()).append(" forced, ")
                .append(alreadyGone().size()).append(" already gone, ")
                .append(denied().size()).append(" denied");
        for (Outcome o : new Outcome[] {Outcome.SURVIVED, Outcome.SIGNALLED, Outcome.SKIPPED_SELF,
                Outcome.WOULD_SIGNAL}) {
            int n = with(o).size();
            if (n > 0) {
                sb.append(", ").append(n).append(' ').append(switch (o) {
                    case SURVIVED -> "survived";
                    case SIGNALLED -> "signalled";
                    case SKIPPED_SELF -> "skipped (self)";
                    default -> "would signal";
                });
            }
        }
        for (Entry e : entries) {
            sb.append("\n  ").append(e);
        }
        return sb.toString();
    }

    /** @return whether every process acted on has ended (or was gone already), none denied, survived or only signalled */
    public boolean allEnded() {
        return entries.stream().allMatch(e -> e.outcome() == Outcome.ENDED || e.outcome() == Outcome.FORCED
                || e.outcome() == Outcome.ALREADY_GONE || e.outcome() == Outcome.SKIPPED_SELF);
    }
}
