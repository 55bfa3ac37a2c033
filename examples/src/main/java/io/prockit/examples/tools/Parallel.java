package io.prockit.examples.tools;

import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.OsException;
import io.prockit.ProcessListener;
import io.prockit.Stdio;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code parallel}: runs a command once per value, many at a time, like GNU {@code parallel --tag}. Each
 * output line is printed as it completes, prefixed with its value and a tab; stderr lines go to stderr.
 * The children's output is read through {@link ProcessListener}: one thread for every child's pipes,
 * however many run at once.
 *
 * <pre>{@code
 * java -jar prockit-examples.jar parallel -j 8 -- gzip -t {} ::: *.gz
 * java -jar prockit-examples.jar parallel -- ping -c 1 {} ::: host1 host2 host3
 * }</pre>
 *
 * <p>{@code {}} in the command is replaced by the value; without one, the value is appended as the last
 * argument. Exit status as GNU parallel: 0 when every job succeeded, the number of failed jobs (a job that
 * could not start counts as failed) up to 100, 101 beyond; {@code EX_USAGE} (64) for bad arguments.
 */
public final class Parallel {
    private Parallel() {
    }

    static String usage() {
        return "usage: parallel [-j N] [--] COMMAND [ARG]... ::: VALUE...";
    }

    /**
     * @param args the options above, the command, {@code :::} and the values
     * @param out  where tagged stdout lines go
     * @param err  where tagged stderr lines and errors go
     * @return the exit status described above
     * @throws InterruptedException if interrupted while waiting
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int jobs = Runtime.getRuntime().availableProcessors();
        List<String> command;
        List<String> values;
        try {
            int i = 0;
            while (i < args.length && args[i].startsWith("-")) {
                String a = args[i];
                if (a.equals("--")) {
                    i++;
                    break;
                }
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(usage());
                        return 0;
                    }
                    case "-j", "--jobs" -> jobs = positive(a, ToolSupport.value(args, i++));
                    default -> throw new ToolSupport.UsageException("unknown option \"" + a + "\"");
                }
                i++;
            }
            int sep = Arrays.asList(args).subList(i, args.length).indexOf(":::");
            if (sep < 0) {
                throw new ToolSupport.UsageException("no \":::\" before the values");
            }
            command = Arrays.asList(args).subList(i, i + sep);
            values = Arrays.asList(args).subList(i + sep + 1, args.length);
            if (command.isEmpty()) {
                throw new ToolSupport.UsageException("no command given");
            }
        } catch (ToolSupport.UsageException e) {
            err.println("parallel: " + e.getMessage());
            err.println(usage());
            return ToolSupport.exUsage();
        }
        Semaphore slots = new Semaphore(jobs);
        CountDownLatch done = new CountDownLatch(values.size());
        AtomicInteger failed = new AtomicInteger();
        for (String value : values) {
            slots.acquire();
            Job job = new Job(value, out, err, slots, done, failed);
            try {
                Command.of(withValue(command, value)).stdin(Stdio.discard()).spawn(job);
            } catch (OsException | IllegalArgumentException e) {
                err.println("parallel: " + value + ": " + e.getMessage()); // a job that could not start failed
                failed.incrementAndGet();
                slots.release();
                done.countDown();
            }
        }
        done.await();
        return Math.min(101, failed.get());
    }

    static List<String> withValue(List<String> command, String value) {
        List<String> argv = new ArrayList<>();
        boolean placed = false;
        for (String a : command) {
            if (a.contains("{}")) {
                argv.add(a.replace("{}", value));
                placed = true;
            } else {
                argv.add(a);
            }
        }
        if (!placed) {
            argv.add(value);
        }
        return argv;
    }

    private static int positive(String option, String text) throws ToolSupport.UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ToolSupport.UsageException(option + " needs a positive number, not \"" + text + "\"");
    }

    /** One child: splits its output into lines, prints them tagged, frees its slot at the end. */
    private static final class Job implements ProcessListener {
        private final String tag;
        private final PrintStream out;
        private final PrintStream err;
        private final Semaphore slots;
        private final CountDownLatch done;
        private final AtomicInteger failed;
        private final ByteArrayOutputStream outLine = new ByteArrayOutputStream();
        private final ByteArrayOutputStream errLine = new ByteArrayOutputStream();

        Job(String tag, PrintStream out, PrintStream err, Semaphore slots, CountDownLatch done,
            AtomicInteger failed) {
            this.tag = tag;
            this.out = out;
            this.err = err;
            this.slots = slots;
            this.done = done;
            this.failed = failed;
        }

        @Override
        public void onStdout(ByteBuffer data) {
            lines(data, outLine, out);
        }

        @Override
        public void onStderr(ByteBuffer data) {
            lines(data, errLine, err);
        }

        private void lines(ByteBuffer data, ByteArrayOutputStream line, PrintStream to) {
            while (data.hasRemaining()) {
                byte b = data.get();
                if (b == '\n') {
                    print(line, to);
                } else {
                    line.write(b);
                }
            }
        }

        private void print(ByteArrayOutputStream line, PrintStream to) {
            String text = tag + "\t" + line.toString(StandardCharsets.UTF_8);
            synchronized (to) {
                to.println(text);
            }
            line.reset();
        }

        @Override
        public void onExit(ExitStatus status) {
            if (outLine.size() > 0) {
                print(outLine, out); // a last line without a newline
            }
            if (errLine.size() > 0) {
                print(errLine, err);
            }
            if (!status.success()) {
                failed.incrementAndGet();
            }
            slots.release();
            done.countDown();
        }
    }

    /**
     * @param args as {@link #run}
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }
}
