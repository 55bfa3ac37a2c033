package io.prockit.posix.spawn;

import io.prockit.posix.platform.PosixConstants;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@link SpawnPlan.Context} for the pure plan tests: a fixed live environment, working directory and set of
 * open parent descriptors; a program error is an {@link IllegalStateException} naming the call and errno.
 */
record FakeContext(PosixConstants constants, boolean darwin, Map<String, String> live, Path cwd,
                   Set<Integer> open) implements SpawnPlan.Context {
    @Override
    public String liveGetenv(String name) {
        return live.get(name);
    }

    @Override
    public Map<String, String> liveEnvironment() {
        return new HashMap<>(live);
    }

    @Override
    public boolean parentHasFd(int fd) {
        return open.contains(fd);
    }

    @Override
    public RuntimeException programError(String operation, String program, int errno) {
        return new IllegalStateException(operation + "(" + program + ") errno " + errno);
    }
}
