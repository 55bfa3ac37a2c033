package io.prockit.windows;

import io.prockit.ExitStatus;
import io.prockit.Signal;
import io.prockit.contract.BackendContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The backend contract on Windows. */
@EnabledOnOs(OS.WINDOWS)
class WindowsContractTest extends BackendContract {

    /** {@code TerminateProcess} with exit code 1, as the JDK's {@code destroyForcibly()}. */
    @Override
    protected ExitStatus afterKill() {
        return ExitStatus.exited(1);
    }

    /** Any number but CTRL_C_EVENT (0) and CTRL_BREAK_EVENT (1) terminates, with that number as exit code. */
    @Override
    protected int forcefulSignal() {
        return Signal.SIGTERM.number();
    }

    @Override
    protected int exitcodeAfterOsKill(int signo) {
        return signo;
    }
}
