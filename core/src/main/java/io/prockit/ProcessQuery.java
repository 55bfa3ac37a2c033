package io.prockit;

import io.prockit.internal.Checks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds processes by name, command line, user and age: the psutil {@code process_iter()} loop and
 * {@code taskkill /IM} as an immutable, combinable query. Every criterion must hold (AND); build
 * alternatives with {@link #or(ProcessQuery)}.
 *
 * <pre>{@code
 * // taskkill /IM make.exe /F, for make processes running longer than five minutes
 * List<ProcessInfo> old = ProcessQuery.all()
 *         .name("make")
 *         .olderThan(Duration.ofMinutes(5))
 *         .list();
 * // the psutil loop: any of several substrings
 * ProcessQuery adobe = ProcessQuery.all().nameContains("Adobe").or(ProcessQuery.all().nameContains("CoreSync"));
 * KillReport r = adobe.killer().grace(Duration.ofSeconds(3)).kill();
 * }</pre>
 *
 * <p>A process whose field a criterion needs but the caller may not read (another user's command
 * line on macOS, say) does not match; the query never fails because of one process.
 *
 * <p>Platform notes: names compare exactly as the platform reports them — on Windows the image name
 * includes {@code .exe} and comparisons there ignore case, as {@code taskkill /IM} does; Linux
 * {@code comm} is 15 characters, extended from the command line when truncated.
 *
 * <p>Availability: Linux, macOS, Windows.
 */
public final class ProcessQuery {
    private final List<Predicate<ProcessInfo>> criteria;
    private final List<String> description;

    private ProcessQuery(List<Predicate<ProcessInfo>> criteria, List<String> description) {
        this.criteria = List.copyOf(criteria);
        this.description = List.copyOf(description);
    }

    /** @return a query matching every process */
    public static ProcessQuery all() {
        return new ProcessQuery(List.of(), List.of());
    }

    private ProcessQuery with(String what, Predicate<ProcessInfo> p) {
        List<Predicate<ProcessInfo>> c = new ArrayList<>(criteria);
        c.add(p);
        List<String> d = new ArrayList<>(description);
        d.add(what);
        return new ProcessQuery(c, d);
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /**
     * @param name the exact process name, e.g. {@code "make"} ({@code "make.exe"} on Windows)
     * @return a query also requiring that name
     */
    public ProcessQuery name(String name) {
        Checks.noNul("name", name);
        boolean ignoreCase = windows();
        return with("name=" + name, p -> {
            String n = p.name();
            return ignoreCase ? n.equalsIgnoreCase(name) : n.equals(name);
        });
    }

    /**
     * @param part a substring of the name (the psutil loop's {@code procstr in proc.name()})
     * @return a query also requiring it
     */
    public ProcessQuery nameContains(String part) {
        Checks.noNul("name substring", part);
        if (part.isEmpty()) {
            throw new IllegalArgumentException("name substring is empty");
        }
        return with("name~" + part, p -> p.name().contains(part));
    }

    /**
     * @param regex a regular expression that must match somewhere in the name ({@link java.util.regex.Matcher#find()})
     * @return a query also requiring it
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public ProcessQuery nameMatches(String regex) {
        Objects.requireNonNull(regex, "regex");
        Pattern pattern = Pattern.compile(regex);
        return with("name=~/" + regex + "/", p -> pattern.matcher(p.name()).find());
    }

    /**
     * @param part a substring of the command line joined with spaces
     * @return a query also requiring it
     */
    public ProcessQuery cmdlineContains(String part) {
        Checks.noNul("command line substring", part);
        if (part.isEmpty()) {
            throw new IllegalArgumentException("command line substring is empty");
        }
        return with("cmdline~" + part, p -> String.join(" ", p.cmdline()).contains(part));
    }

    /**
     * @param regex a regular expression found in the command line joined with spaces
     * @return a query also requiring it
     */
    public ProcessQuery cmdlineMatches(String regex) {
        Objects.requireNonNull(regex, "regex");
        Pattern pattern = Pattern.compile(regex);
        return with("cmdline=~/" + regex + "/", p -> pattern.matcher(String.join(" ", p.cmdline())).find());
    }

    /**
     * @param user a user name, or a numeric uid written as digits
     * @return a query also requiring that owner
     */
    public ProcessQuery user(String user) {
        Checks.noNul("user", user);
        if (user.isEmpty()) {
            throw new IllegalArgumentException("user is empty");
        }
        boolean numeric = user.chars().allMatch(Character::isDigit);
        return with("user=" + user, p -> {
            if (numeric) {
                OptionalInt uid = p.uid();
                if (uid.isPresent() && Integer.toString(uid.getAsInt()).equals(user)) {
                    return true;
                }
            }
            return p.username().equals(user);
        });
    }

    /**
     * @param uid a real user id (POSIX)
     * @return a query also requiring it
     */
    public ProcessQuery uid(int uid) {
        if (uid < 0) {
            throw new IllegalArgumentException("uid must not be negative: " + uid);
        }
        return with("uid=" + uid, p -> p.uid().isPresent() && p.uid().getAsInt() == uid);
    }

    /**
     * The WMI {@code CreationDate} example: processes running longer than {@code age}, measured when
     * the query runs.
     *
     * @param age a non-negative duration, up to {@code ChronoUnit.FOREVER}
     * @return a query also requiring it
     * @throws IllegalArgumentException if negative
     */
    public ProcessQuery olderThan(Duration age) {
        Checks.timeout(age);
        return with("age>" + age, p -> p.age(Instant.now()).compareTo(age) > 0);
    }

    /**
     * @param age a non-negative duration, up to {@code ChronoUnit.FOREVER}
     * @return a query also requiring processes started less than {@code age} ago
     * @throws IllegalArgumentException if negative
     */
    public ProcessQuery youngerThan(Duration age) {
        Checks.timeout(age);
        return with("age<" + age, p -> p.age(Instant.now()).compareTo(age) < 0);
    }

    /**
     * @param ppid a parent pid, &gt; 0
     * @return a query also requiring that parent
     */
    public ProcessQuery parent(int ppid) {
        ProcessTable.checkPid(ppid);
        return with("ppid=" + ppid, p -> p.ppid() == ppid);
    }

    /**
     * @param predicate any further condition
     * @return a query also requiring it
     */
    public ProcessQuery where(Predicate<ProcessInfo> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return with("where(...)", predicate);
    }

    /**
     * @param other another query
     * @return a query matching processes that this or the other matches
     */
    public ProcessQuery or(ProcessQuery other) {
        Objects.requireNonNull(other, "other");
        ProcessQuery self = this;
        return new ProcessQuery(List.of(p -> self.matches(p) || other.matches(p)),
                List.of("(" + this + ") or (" + other + ")"));
    }

    /**
     * Tests one process. A criterion whose field cannot be read ({@code PERMISSION_DENIED},
     * {@code ZOMBIE}, {@code NO_SUCH_PROCESS}) does not match.
     *
     * @param p a process
     * @return whether every criterion holds
     */
    public boolean matches(ProcessInfo p) {
        for (Predicate<ProcessInfo> c : criteria) {
            try {
                if (!c.test(p)) {
                    return false;
                }
            } catch (OsException e) {
                if (e.kind() == ErrorKind.PERMISSION_DENIED || e.kind() == ErrorKind.ZOMBIE
                        || e.kind() == ErrorKind.NO_SUCH_PROCESS) {
                    return false;
                }
                throw e;
            }
        }
        return true;
    }

    /**
     * Filters processes already listed.
     *
     * @param processes the candidates
     * @return those that match, in order
     */
    public List<ProcessInfo> filter(List<ProcessInfo> processes) {
        return processes.stream().filter(this::matches).toList();
    }

    /** @return the matching processes now, in pid order */
    public List<ProcessInfo> list() {
        return filter(ProcessTable.list());
    }

    /** @return the first matching process (lowest pid) */
    public Optional<ProcessInfo> first() {
        return list().stream().findFirst();
    }

    /** @return a killer for the processes matching now (see {@link ProcessKiller}) */
    public ProcessKiller killer() {
        return ProcessKiller.of(list());
    }

    /** @return the criteria, e.g. {@code name=make and age>PT5M} */
    @Override
    public String toString() {
        return description.isEmpty() ? "all" : String.join(" and ", description);
    }
}
