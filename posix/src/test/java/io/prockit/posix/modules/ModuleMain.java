package io.prockit.posix.modules;

import io.prockit.Command;
import io.prockit.Output;

/** Run by {@link ModulePathTest} with prockit on the module path: prints where the backend came from. */
public final class ModuleMain {
    private ModuleMain() {
    }

    /**
     * @param args unused
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Output o = Command.of("echo", "spawned").output();
        Class<?> backend = Class.forName("io.prockit.posix.PosixBackend");
        System.out.println("core module: " + Command.class.getModule().getName());
        System.out.println("backend module: " + backend.getModule().getName());
        System.out.println("child said: " + o.stdoutText().trim() + ", " + o.status());
    }
}
