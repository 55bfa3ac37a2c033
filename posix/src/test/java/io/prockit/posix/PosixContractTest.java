package io.prockit.posix;

import io.prockit.ExitStatus;
import io.prockit.Signal;
import io.prockit.contract.BackendContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The backend contract on Linux and macOS. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PosixContractTest extends BackendContract {

    @Override
    protected ExitStatus afterKill() {
        return ExitStatus.signaled(Signal.SIGKILL, false);
    }

    @Override
    protected int forcefulSignal() {
        return Signal.SIGKILL.number();
    }

    /** A signal is reported as such; Python's {@code waitstatus_to_exitcode} negates it. */
    @Override
    protected int exitcodeAfterOsKill(int signo) {
        return -signo;
    }
}
