package io.prockit.spi;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape DESIGN.md asks of the contract: a small {@link ProcessBackend}, capabilities handed out as
 * objects, and no default body standing in for a missing function (absence is an empty capability).
 */
class ContractShapeTest {
    private static final List<Class<?>> CONTRACT = List.of(ProcessBackend.class, CurrentProcess.class,
            PosixCalls.class, IdCalls.class, SavedIdCalls.class, GroupCalls.class, PriorityCalls.class,
            SchedulerCalls.class, WaitCalls.class, PidfdCalls.class, SystemInfoCalls.class, WindowsCalls.class, Descriptors.class);

    /**
     * Defaults that are real behaviour, not refusals: declining to watch output or to feed input (the caller then
     * reads or writes on a pool thread, which always works), POSIX's {@code system} result.
     */
    private static final Set<String> REAL_DEFAULTS = Set.of("watchOutput", "feedInput", "systemResult");

    @Test
    void noDefaultStandsInForAMissingFunction() {
        List<String> defaults = new ArrayList<>();
        for (Class<?> type : CONTRACT) {
            for (Method m : type.getDeclaredMethods()) {
                if (m.isDefault() && !REAL_DEFAULTS.contains(m.getName())) {
                    defaults.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(List.of(), defaults);
    }

    @Test
    void theBackendItselfHoldsOnlyWhatEveryBackendDoes() {
        List<String> members = new ArrayList<>();
        for (Method m : ProcessBackend.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers())) {
                members.add(m.getName());
            }
        }
        assertTrue(members.size() <= 20, "ProcessBackend has grown to " + members.size() + " members: " + members);
    }

    @Test
    void capabilitiesAreHandedOutAsObjectsAndOptionalWhereAPlatformMayLackThem() throws Exception {
        assertEquals(CurrentProcess.class, ProcessBackend.class.getMethod("currentProcess").getReturnType());
        for (String optional : List.of("posix", "windows", "descriptors")) {
            assertEquals(Optional.class, ProcessBackend.class.getMethod(optional).getReturnType(), optional);
        }
        for (String optional : List.of("savedIds", "scheduler", "pidfd")) {
            assertEquals(Optional.class, PosixCalls.class.getMethod(optional).getReturnType(), optional);
        }
    }
}
