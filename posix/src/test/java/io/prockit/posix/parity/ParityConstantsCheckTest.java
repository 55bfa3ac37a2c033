package io.prockit.posix.parity;

import io.prockit.Command;
import io.prockit.Output;
import io.prockit.posix.linux.LinuxConstants;
import io.prockit.posix.platform.PosixConstants;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Linux constants added for os parity, compared with the values gcc sees in the system headers. */
@EnabledOnOs(OS.LINUX) // Linux's constants against glibc's headers (gcc)
class ParityConstantsCheckTest {
    private static final List<String> NAMES = List.of("POSIX_SPAWN_SETSCHEDPARAM", "POSIX_SPAWN_SETSCHEDULER",
            "SCHED_DEADLINE", "SCHED_BATCH", "SCHED_IDLE", "SCHED_RESET_ON_FORK", "P_PIDFD", "PIDFD_NONBLOCK",
            "WEXITED", "WSTOPPED", "WNOWAIT", "_SC_ARG_MAX", "_SC_CHILD_MAX", "_SC_CLK_TCK", "_SC_NGROUPS_MAX",
            "_SC_OPEN_MAX", "_SC_STREAM_MAX", "_SC_TZNAME_MAX", "_SC_JOB_CONTROL", "_SC_SAVED_IDS", "_SC_VERSION",
            "_SC_PAGESIZE", "_SC_PAGE_SIZE", "_SC_RTSIG_MAX", "_SC_SIGQUEUE_MAX", "_SC_LINE_MAX", "_SC_IOV_MAX",
            "_SC_GETGR_R_SIZE_MAX", "_SC_GETPW_R_SIZE_MAX", "_SC_LOGIN_NAME_MAX", "_SC_TTY_NAME_MAX",
            "_SC_NPROCESSORS_CONF", "_SC_NPROCESSORS_ONLN", "_SC_PHYS_PAGES", "_SC_AVPHYS_PAGES", "_SC_HOST_NAME_MAX",
            "_CS_PATH", "_CS_GNU_LIBC_VERSION", "_CS_GNU_LIBPTHREAD_VERSION", "sizeof(struct utsname)",
            "sizeof(((struct utsname *) 0)->sysname)", "sizeof(cpu_set_t)", "sizeof(struct sched_param)");
    private static final Map<String, String> FIELD = Map.of("sizeof(struct utsname)", "SIZEOF_utsname",
            "sizeof(((struct utsname *) 0)->sysname)", "UTSNAME_FIELD_LENGTH", "sizeof(cpu_set_t)", "SIZEOF_cpu_set_t",
            "sizeof(struct sched_param)", "SIZEOF_sched_param");

    @Test
    void valuesMatchTheHeaders(@TempDir Path dir) throws Exception {
        boolean gcc;
        try {
            gcc = Command.of("gcc", "--version").output().status().success();
        } catch (RuntimeException e) {
            gcc = false;
        }
        Assumptions.assumeTrue(gcc, "gcc is not installed: skipping the header check of the parity constants");
        StringBuilder c = new StringBuilder("#define _GNU_SOURCE\n#include <stdio.h>\n#include <unistd.h>\n"
                + "#include <sys/wait.h>\n#include <sched.h>\n#include <spawn.h>\n#include <sys/utsname.h>\n"
                + "#include <sys/pidfd.h>\nint main(void) {\n");
        for (String n : NAMES) {
            c.append("  printf(\"%ld\\n\", (long) (").append(n).append("));\n");
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("c.c");
        Files.writeString(src, c);
        Path exe = dir.resolve("c");
        Output built = Command.of("gcc", src.toString(), "-o", exe.toString()).output();
        assertTrue(built.status().success(), built.stderrText());
        List<String> values = List.of(Command.of(exe.toString()).output().stdoutText().strip().split("\n"));
        Map<String, Integer> table = PosixConstants.read(LinuxConstants.class);
        for (int i = 0; i < NAMES.size(); i++) {
            String field = FIELD.getOrDefault(NAMES.get(i), NAMES.get(i));
            assertEquals(Integer.valueOf(values.get(i)), table.get(field), field);
        }
    }
}
