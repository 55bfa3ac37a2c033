package io.prockit.windows;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.ProcessListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Command.spawn(ProcessListener)} on Windows, where the backend has no event loop yet and core reads
 * each stream on a pool thread. Not run on Linux; GitHub Actions' windows-latest job runs it.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsListenerIntegrationTest {

    @Test
    void bothStreamsArriveBeforeTheExit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
        String comspec = System.getenv().getOrDefault("ComSpec", "C:\\Windows\\System32\\cmd.exe");
        Child c = Command.of(comspec, "/d", "/c", "echo out-line& echo err-line 1>&2& exit /b 3")
                .spawn(new ProcessListener() {
                    @Override
                    public void onStdout(ByteBuffer data) {
                        threads.add(Thread.currentThread().getName());
                        byte[] b = new byte[data.remaining()];
                        data.get(b);
                        out.write(b, 0, b.length);
                    }

                    @Override
                    public void onStderr(ByteBuffer data) {
                        threads.add(Thread.currentThread().getName());
                        byte[] b = new byte[data.remaining()];
                        data.get(b);
                        err.write(b, 0, b.length);
                    }

                    @Override
                    public void onExit(ExitStatus status) {
                        exit.complete(status);
                    }
                });
        try {
            assertEquals(ExitStatus.exited(3), exit.get(60, TimeUnit.SECONDS));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("out-line"), out.toString(StandardCharsets.UTF_8));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("err-line"), err.toString(StandardCharsets.UTF_8));
            assertTrue(threads.stream().allMatch(t -> t.startsWith("prockit-io-")), threads.toString());
        } finally {
            c.kill();
            c.waitFor();
        }
    }
}
