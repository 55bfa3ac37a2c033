package io.prockit.examples.bench;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * The one reflective seam of the benchmark: {@code io.prockit.ProcessTable} is written on another
 * branch, so the {@code table} measurement finds it at run time and is skipped while it is absent.
 * After the merge, replace {@link #find()} with a direct call (a listing that reads name and cmdline).
 */
final class ProckitTableSeam {
    private static final String CLASS = "io.prockit.ProcessTable";
    private static final String[] LISTERS = {"list", "all", "processes", "snapshot"};

    private ProckitTableSeam() {
    }

    /** A listing that touches name and cmdline of every process; returns how many it listed. */
    interface Lister {
        int list() throws Exception;
    }

    /** @return the prockit listing, or null when {@code io.prockit.ProcessTable} (or a listing method) is absent */
    static Lister find() {
        Class<?> table;
        try {
            table = Class.forName(CLASS);
        } catch (ClassNotFoundException e) {
            return null;
        }
        for (String name : LISTERS) {
            for (Method m : table.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0 && Modifier.isStatic(m.getModifiers())) {
                    return () -> touchAll(m.invoke(null));
                }
            }
        }
        return null;
    }

    private static int touchAll(Object listing) throws Exception {
        Iterable<?> items;
        if (listing instanceof Collection<?> c) {
            items = c;
        } else if (listing instanceof Stream<?> s) {
            items = s.toList();
        } else if (listing instanceof Iterable<?> it) {
            items = it;
        } else {
            throw new IllegalStateException(CLASS + " listing returned " + listing);
        }
        int n = 0;
        for (Object info : items) {
            for (String field : new String[] {"name", "cmdline"}) {
                try {
                    info.getClass().getMethod(field).invoke(info);
                } catch (NoSuchMethodException ignored) {
                    // a field this ProcessInfo does not have under that name
                } catch (java.lang.reflect.InvocationTargetException ignored) {
                    // access denied or gone: counted like psutil counts it, as listed
                }
            }
            n++;
        }
        return n;
    }
}
