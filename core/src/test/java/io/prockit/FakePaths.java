package io.prockit;

import java.lang.reflect.Proxy;
import java.nio.file.Path;

/** A {@link Path} whose text is anything, NUL included: the default file system refuses to make one. */
final class FakePaths {
    private FakePaths() {
    }

    static Path of(String text) {
        return (Path) Proxy.newProxyInstance(Path.class.getClassLoader(), new Class<?>[] {Path.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> text;
                    case "hashCode" -> text.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
