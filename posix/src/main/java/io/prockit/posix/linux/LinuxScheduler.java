package io.prockit.posix.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.SchedParam;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.spi.SchedulerCalls;

import java.util.Set;
import java.util.TreeSet;

/**
 * A process's scheduling policy, parameters and CPU affinity ({@code sched_*}): Linux's; macOS has no such
 * calls.
 */
final class LinuxScheduler implements SchedulerCalls {
    private final PosixConstants c;
    private final Errors errors;

    LinuxScheduler(PosixConstants c, Errors errors) {
        this.c = c;
        this.errors = errors;
    }

    private Memory schedParam(SchedParam p) {
        Memory m = new Memory(Math.max(8, c.optional("SIZEOF_sched_param").orElse(8)));
        m.clear();
        m.setInt(0, p.schedPriority());
        return m;
    }

    @Override
    public void schedSetscheduler(int pid, int policy, SchedParam p) {
        try (Memory m = schedParam(p)) {
            LinuxLibC.sched_setscheduler(pid, policy, m);
        } catch (LastErrorException e) {
            throw errors.of("sched_setscheduler", pid, e);
        }
    }

    @Override
    public int schedGetscheduler(int pid) {
        try {
            return LinuxLibC.sched_getscheduler(pid);
        } catch (LastErrorException e) {
            throw errors.of("sched_getscheduler", pid, e);
        }
    }

    @Override
    public void schedSetparam(int pid, SchedParam p) {
        try (Memory m = schedParam(p)) {
            LinuxLibC.sched_setparam(pid, m);
        } catch (LastErrorException e) {
            throw errors.of("sched_setparam", pid, e);
        }
    }

    @Override
    public SchedParam schedGetparam(int pid) {
        try (Memory m = schedParam(new SchedParam(0))) {
            LinuxLibC.sched_getparam(pid, m);
            return new SchedParam(m.getInt(0));
        } catch (LastErrorException e) {
            throw errors.of("sched_getparam", pid, e);
        }
    }

    @Override
    public double schedRrGetInterval(int pid) {
        try (Memory ts = new Memory(16)) {
            LinuxLibC.sched_rr_get_interval(pid, ts);
            return ts.getLong(0) + ts.getLong(8) / 1e9;
        } catch (LastErrorException e) {
            throw errors.of("sched_rr_get_interval", pid, e);
        }
    }

    @Override
    public void schedSetaffinity(int pid, Set<Integer> cpus) {
        int max = cpus.stream().mapToInt(Integer::intValue).max().orElse(0);
        long size = Math.max(c.optional("SIZEOF_cpu_set_t").orElse(128), ((max / 64) + 1) * 8L);
        try (Memory m = new Memory(size)) {
            m.clear();
            for (int cpu : cpus) {
                m.setByte(cpu / 8, (byte) (m.getByte(cpu / 8) | (1 << (cpu % 8))));
            }
            LinuxLibC.sched_setaffinity(pid, size, m);
        } catch (LastErrorException e) {
            throw errors.of("sched_setaffinity", pid, e);
        }
    }

    @Override
    public Set<Integer> schedGetaffinity(int pid) {
        long size = c.optional("SIZEOF_cpu_set_t").orElse(128);
        while (true) {
            try (Memory m = new Memory(size)) {
                m.clear();
                try {
                    LinuxLibC.sched_getaffinity(pid, size, m);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == c.EINVAL && size < (1 << 16)) {
                        size *= 2; // more CPUs than the mask holds
                        continue;
                    }
                    throw errors.of("sched_getaffinity", pid, e);
                }
                Set<Integer> cpus = new TreeSet<>();
                for (int i = 0; i < size * 8; i++) {
                    if ((m.getByte(i / 8) & (1 << (i % 8))) != 0) {
                        cpus.add(i);
                    }
                }
                return cpus;
            }
        }
    }
}
