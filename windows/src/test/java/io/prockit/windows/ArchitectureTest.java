package io.prockit.windows;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.prockit.spi.CurrentProcess;
import io.prockit.spi.Descriptors;
import io.prockit.spi.PosixCalls;
import io.prockit.spi.WindowsCalls;

import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * DESIGN.md's structure rules for the Windows backend, checked on the compiled main classes (methods, not
 * {@code @ArchTest} fields, so that surefire's {@code -Dtest=} filter runs them). The module is split as the
 * POSIX one is: the composition root {@code io.prockit.windows} ({@code WindowsBackend} alone), {@code os},
 * {@code spawn}, {@code process}, {@code platform} and {@code jna}, pointing one way; the split breaks the
 * {@code WindowsBackend - Spawner - WindowsChild} cycle of the flat package (issue 12) and these rules keep it
 * broken.
 */
@AnalyzeClasses(packages = "io.prockit.windows", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "io.prockit.windows";
    private static final String JNA = "io.prockit.windows.jna..";
    private static final String OS = "io.prockit.windows.os..";
    private static final String SPAWN = "io.prockit.windows.spawn..";
    private static final String PROCESS = "io.prockit.windows.process..";
    private static final String PLATFORM = "io.prockit.windows.platform..";

    /**
     * The pure logic: no JNA, no kernel32, so it runs and is tested on every OS and PIT mutates it without a
     * native library ({@code WinConstants} holds plain numbers and is allowed).
     */
    private static final String[] PURE = {
        "io.prockit.windows.spawn.CommandLine", "io.prockit.windows.spawn.EnvironmentBlock",
        "io.prockit.windows.spawn.ProgramSearch", "io.prockit.windows.spawn.LaunchPlan",
        "io.prockit.windows.spawn.QuietWait",
        "io.prockit.windows.process.WaitGroups", "io.prockit.windows.process.SharedHandle",
        "io.prockit.windows.os.LiveProcess", "io.prockit.windows.os.PebCommandLine",
        "io.prockit.windows.os.ProcessExit", "io.prockit.windows.os.TableErrors", "io.prockit.windows.os.WinTime",
        "io.prockit.windows.platform.WinErrors", "io.prockit.windows.platform.WindowsStatusCodec",
        "io.prockit.windows.platform.WindowsSignalTable", "io.prockit.windows.platform.WindowsConstants"};

    /** The classes (and their nested classes) named. */
    private static DescribedPredicate<JavaClass> oneOf(String... names) {
        Set<String> set = Set.of(names);
        return DescribedPredicate.describe("one of " + set, c -> {
            String n = c.getName();
            int nested = n.indexOf('$');
            return set.contains(nested < 0 ? n : n.substring(0, nested));
        });
    }

    private static final ArchRule JNA_USES_ONLY_JNA = classes().that().resideInAPackage(JNA)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(JNA, "java..", "com.sun.jna..")
            .because("the jna package holds only what jna-platform lacks: mappings and layouts, no logic");

    @ArchTest
    void jnaUsesOnlyJnaAndJava(JavaClasses classes) {
        JNA_USES_ONLY_JNA.check(classes);
    }

    private static final ArchRule ONLY_THE_ROOT_USES_THE_ROOT = noClasses().that().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .because("no service locator: the composition root hands each part the narrow parts it uses "
                    + "(ChildRegistry, a live-environment supplier, the spawn function), never itself");

    @ArchTest
    void onlyTheRootUsesTheRoot(JavaClasses classes) {
        ONLY_THE_ROOT_USES_THE_ROOT.check(classes);
    }

    private static final ArchRule NO_CYCLES = slices().matching("io.prockit.windows.(*)..")
            .should().beFreeOfCycles()
            .because("packages point one way (DESIGN.md, Structure rules)");

    @ArchTest
    void noCyclesBetweenThePackages(JavaClasses classes) {
        NO_CYCLES.check(classes);
    }

    private static final ArchRule PACKAGES_POINT_ONE_WAY = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("root").definedBy(ROOT)
            .layer("os").definedBy(OS)
            .layer("spawn").definedBy(SPAWN)
            .layer("process").definedBy(PROCESS)
            .layer("platform").definedBy(PLATFORM)
            .layer("jna").definedBy(JNA)
            .whereLayer("root").mayNotBeAccessedByAnyLayer()
            .whereLayer("os").mayOnlyBeAccessedByLayers("root")
            .whereLayer("spawn").mayOnlyBeAccessedByLayers("root", "os")
            .whereLayer("process").mayOnlyBeAccessedByLayers("root", "os", "spawn")
            .whereLayer("platform").mayOnlyBeAccessedByLayers("root", "os", "spawn", "process")
            .because("os parses with spawn's codecs; spawn creates process's children; a child never knows how "
                    + "it was started; platform is the shared base and uses none of them");

    @ArchTest
    void packagesPointOneWay(JavaClasses classes) {
        PACKAGES_POINT_ONE_WAY.check(classes);
    }

    private static final ArchRule THE_ROOT_IS_NO_CAPABILITY = noClasses().that().resideInAPackage(ROOT)
            .should().beAssignableTo(CurrentProcess.class)
            .orShould().beAssignableTo(WindowsCalls.class)
            .orShould().beAssignableTo(PosixCalls.class)
            .orShould().beAssignableTo(Descriptors.class)
            .because("ProcessBackend hands out capability objects; the backend is none of them (DESIGN.md, "
                    + "Small contract)");

    @ArchTest
    void theRootImplementsNoCapability(JavaClasses classes) {
        THE_ROOT_IS_NO_CAPABILITY.check(classes);
    }

    private static DescribedPredicate<JavaMethodCall> nativeCallNamed(String what, java.util.function.Predicate<String> name) {
        return DescribedPredicate.describe("a call of " + what, call -> {
            String owner = call.getTargetOwner().getPackageName();
            return (owner.startsWith("com.sun.jna") || owner.equals("io.prockit.windows.jna"))
                    && name.test(call.getName());
        });
    }

    private static final ArchRule ONLY_THE_SPAWNER_CREATES_PROCESSES = noClasses()
            .that(not(oneOf("io.prockit.windows.spawn.Spawner")))
            .should().callMethodWhere(nativeCallNamed("CreateProcess*", n -> n.startsWith("CreateProcess")))
            .because("one spawn path: only the spawner calls CreateProcessW (DESIGN.md, Structure rules)");

    @ArchTest
    void onlyTheSpawnerCreatesProcesses(JavaClasses classes) {
        ONLY_THE_SPAWNER_CREATES_PROCESSES.check(classes);
    }

    private static final ArchRule ONLY_THE_CHILDREN_TABLE_WAITS_FOR_CHILDREN = noClasses()
            .that(not(oneOf("io.prockit.windows.process.Children")))
            .should().callMethodWhere(nativeCallNamed("WaitForMultipleObjects",
                    n -> n.startsWith("WaitForMultipleObjects")))
            .because("one wait design: the children table's waiter threads wait for every child (no thread per "
                    + "child, DESIGN.md non-negotiable 3)");

    @ArchTest
    void onlyTheChildrenTableWaitsForChildren(JavaClasses classes) {
        ONLY_THE_CHILDREN_TABLE_WAITS_FOR_CHILDREN.check(classes);
    }

    private static final ArchRule PURE_LOGIC_LOADS_NO_NATIVE_CODE = noClasses().that(oneOf(PURE))
            .should().dependOnClassesThat(resideInAnyPackage("com.sun.jna..")
                    .or(oneOf("io.prockit.windows.platform.Win32"))
                    .or(resideInAPackage(JNA).and(not(oneOf("io.prockit.windows.jna.WinConstants")))))
            .because("the pure logic (quoting, environment blocks, the program search, the codecs and tables) "
                    + "is plain Java, tested on every OS (STYLE.md habit 2)");

    @ArchTest
    void pureLogicLoadsNoNativeCode(JavaClasses classes) {
        PURE_LOGIC_LOADS_NO_NATIVE_CODE.check(classes);
    }
}
