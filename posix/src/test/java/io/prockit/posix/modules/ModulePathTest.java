package io.prockit.posix.modules;

import com.sun.jna.Native;
import io.prockit.Command;
import io.prockit.Output;
import io.prockit.posix.PosixBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend is found by {@link java.util.ServiceLoader} on the module path (module-info's
 * {@code provides}) as well as on the class path (META-INF/services, which every other test uses).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ModulePathTest {

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void backendIsFoundOnTheModulePath() throws Exception {
        String modulePath = String.join(File.pathSeparator, location(Command.class), location(PosixBackend.class),
                location(Native.class), location(LoggerFactory.class));
        Output o = Command.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--module-path", modulePath, "--add-modules", "io.prockit.posix",
                        "-cp", location(ModuleMain.class), ModuleMain.class.getName())
                .output();
        String out = o.stdoutText();
        assertTrue(o.status().success(), () -> o.status() + "\n" + out + o.stderrText());
        assertTrue(out.contains("core module: io.prockit"), out);
        assertTrue(out.contains("backend module: io.prockit.posix"), out);
        assertTrue(out.contains("child said: spawned, exit status: 0"), out);
    }
}
