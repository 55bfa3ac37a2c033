package io.prockit.posix.os;

import io.prockit.TimesResult;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.spawn.Exec;
import io.prockit.spi.CurrentProcess;

import java.util.List;
import java.util.Map;

/**
 * The calling process's own state on POSIX ({@code Os.execv*}, {@code _exit}, {@code abort}, the live
 * environment, the working directory, {@code umask}, {@code times}, the CPU counts): a capability object the
 * composition root builds once and hands out ({@code ProcessBackend.currentProcess()}).
 */
public final class PosixCurrentProcess implements CurrentProcess {
    private final PosixSystem sys;
    private final Exec exec;

    /**
     * Loads no native code.
     *
     * @param sys  the process-wide calls
     * @param exec replaces the process image
     */
    public PosixCurrentProcess(PosixSystem sys, Exec exec) {
        this.sys = sys;
        this.exec = exec;
    }

    @Override
    public void execve(String path, List<String> argv, Map<String, String> env, boolean searchPath) {
        exec.execve(path, argv, env, searchPath);
    }

    @Override
    public void _exit(int status) {
        LibC._exit(status);
    }

    @Override
    public void abort() {
        LibC.abort();
    }

    @Override
    public String getlogin() {
        return sys.getlogin();
    }

    @Override
    public String getenv(String name) {
        return sys.getenv(name);
    }

    @Override
    public void putenv(String name, String value) {
        sys.putenv(name, value);
    }

    @Override
    public void unsetenv(String name) {
        sys.unsetenv(name);
    }

    @Override
    public Map<String, String> liveEnvironment() {
        return sys.environ();
    }

    @Override
    public String getcwd() {
        return sys.getcwd();
    }

    @Override
    public void chdir(String path) {
        sys.chdir(path);
    }

    @Override
    public int umask(int mask) {
        return LibC.umask(mask);
    }

    @Override
    public String strerror(int code) {
        String s = LibC.strerror(code);
        return s == null ? "Unknown error " + code : s;
    }

    @Override
    public TimesResult times() {
        return sys.times();
    }

    @Override
    public int cpuCount() {
        return sys.cpuCount();
    }

    @Override
    public int processCpuCount() {
        return sys.processCpuCount();
    }
}
