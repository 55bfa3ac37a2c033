package io.prockit.posix.platform;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.TableLibC;
import io.prockit.spi.ProcessEntry;
import io.prockit.spi.ProcessTableProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Linux and macOS process tables share: the named actions as signals, the user-name
 * cache, and the error helpers. The subclasses read the table and verify identity.
 */
public abstract class PosixProcessTable implements ProcessTableProvider {
    protected final PosixConstants c;
    protected final Errors errors;
    private final Map<Integer, String> usernames = new ConcurrentHashMap<>();

    /**
     * @param c      the running OS's constants
     * @param errors turns errno into exceptions
     */
    protected PosixProcessTable(PosixConstants c, Errors errors) {
        this.c = c;
        this.errors = errors;
    }

    @Override
    public void terminate(ProcessEntry entry) {
        signal(entry, c.SIGTERM);
    }

    @Override
    public void kill(ProcessEntry entry) {
        signal(entry, c.SIGKILL);
    }

    @Override
    public void suspend(ProcessEntry entry) {
        signal(entry, c.SIGSTOP);
    }

    @Override
    public void resume(ProcessEntry entry) {
        signal(entry, c.SIGCONT);
    }

    /** kill(2) after the subclass verified identity. */
    protected void plainKill(int pid, int signo) {
        try {
            LibC.kill(pid, signo);
        } catch (LastErrorException e) {
            throw errors.of("kill", pid, e);
        }
    }

    /**
     * The user name for a uid through {@code getpwuid(3)} (so NSS sources such as LDAP count), cached;
     * the number as text when the database has none.
     */
    protected String username(int uid) {
        String cached = usernames.get(uid);
        if (cached != null) {
            return cached;
        }
        String name;
        synchronized (PosixProcessTable.class) {
            Pointer pw = TableLibC.getpwuid(uid);
            Pointer namePtr = pw == null ? null : pw.getPointer(0);
            name = namePtr == null ? Integer.toString(uid) : namePtr.getString(0);
        }
        usernames.put(uid, name);
        return name;
    }

    protected OsException gone(String operation, int pid) {
        return errors.of(operation, pid, c.ESRCH);
    }

    protected OsException reused(String operation, int pid) {
        return new OsException(operation, Integer.toString(pid), c.ESRCH, ErrorKind.NO_SUCH_PROCESS,
                "No such process (the pid now names a newer process)");
    }

    protected OsException zombie(String operation, int pid) {
        return new OsException(operation, Integer.toString(pid), c.ESRCH, ErrorKind.ZOMBIE,
                "The process is a zombie (exited, not yet reaped by its parent)");
    }

    protected OsException denied(String operation, int pid) {
        return errors.of(operation, pid, c.EACCES);
    }
}
