package io.prockit.examples;

import io.prockit.Command;
import io.prockit.JavaChild;
import io.prockit.Output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the examples jar's {@link Main} in a new JVM (so the output of the example's own children,
 * which write straight to the inherited standard output, is captured with it) and checks the output.
 */
final class ExampleRun {
    private final Output output;

    private ExampleRun(Output output) {
        this.output = output;
    }

    /** Runs {@code Main args...} and requires exit status 0. */
    static ExampleRun main(String... args) throws InterruptedException {
        return main(UnaryOperator.identity(), args);
    }

    /** Runs {@code Main args...}, the command adjusted first (directory, environment), and requires exit status 0. */
    static ExampleRun main(UnaryOperator<Command> adjust, String... args) throws InterruptedException {
        JavaChild child = JavaChild.of(Main.class, args).jvmOptions("-XX:TieredStopAtLevel=1");
        if (!System.lineSeparator().equals("\n") && !System.getProperty("os.name", "").startsWith("Windows")) {
            // A run with -Dline.separator=\r\n (surefire -DargLine=@file, the file holding "-Dline.separator=\r\n"
            // in quotes) prints like Windows here; the example JVM is made to print the same way.
            child.jvmOptions("-Dline.separator=" + System.lineSeparator());
        }
        Command cmd = adjust.apply(child.command());
        Output out = cmd.output();
        ExampleRun run = new ExampleRun(out);
        assertEquals(0, out.status().toExitcode(), () -> "Main " + Arrays.toString(args) + " failed: " + out.status()
                + "\n--- stdout:\n" + out.stdoutText() + "\n--- stderr:\n" + out.stderrText());
        return run;
    }

    String stdout() {
        return output.stdoutText();
    }

    String stderr() {
        return output.stderrText();
    }

    /** Requires the one-line note of the examples whose seed forks: a JVM cannot, so the child is a JavaChild. */
    void saysAJvmCannotFork() {
        assertTrue(stderr().lines().toList().contains(
                "note: a JVM cannot fork, so each child is a new JVM started with JavaChild"), () -> "stderr:\n" + stderr());
    }

    /** The output's lines, split on any line terminator: the tools print with {@code %n} ({@code \r\n} on Windows). */
    List<String> lines() {
        return stdout().lines().toList();
    }

    /**
     * Requires lines matching {@code regexes} in this order (other lines may come between) and
     * returns each match.
     */
    List<Matcher> inOrder(String... regexes) {
        List<String> lines = lines();
        List<Matcher> found = new ArrayList<>();
        int at = 0;
        for (String regex : regexes) {
            Pattern p = Pattern.compile(regex);
            Matcher m = null;
            while (at < lines.size()) {
                Matcher candidate = p.matcher(lines.get(at++));
                if (candidate.matches()) {
                    m = candidate;
                    break;
                }
            }
            if (m == null) {
                fail("no line matching /" + regex + "/ after the lines matched so far " + found.size() + " in:\n" + stdout()
                        + "\n--- stderr:\n" + output.stderrText());
            }
            found.add(m);
        }
        return found;
    }

    /** Requires exactly one line matching {@code regex} and returns it. */
    Matcher one(String regex) {
        Pattern p = Pattern.compile(regex);
        List<Matcher> all = new ArrayList<>();
        for (String line : lines()) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                all.add(m);
            }
        }
        assertEquals(1, all.size(), () -> "lines matching /" + regex + "/ in:\n" + stdout());
        return all.get(0);
    }

    /** Requires that no line matches {@code regex}. */
    void none(String regex) {
        Pattern p = Pattern.compile(regex);
        for (String line : lines()) {
            assertTrue(!p.matcher(line).matches(), () -> "unexpected line /" + regex + "/ in:\n" + stdout());
        }
    }

    /** Runs {@code Main run NAME args...}. */
    static ExampleRun example(String name, String... args) throws InterruptedException {
        return example(UnaryOperator.identity(), name, args);
    }

    /** Runs {@code Main run NAME args...} with an adjusted command. */
    static ExampleRun example(UnaryOperator<Command> adjust, String name, String... args) throws InterruptedException {
        String[] all = new String[args.length + 2];
        all[0] = "run";
        all[1] = name;
        System.arraycopy(args, 0, all, 2, args.length);
        return main(adjust, all);
    }
}
