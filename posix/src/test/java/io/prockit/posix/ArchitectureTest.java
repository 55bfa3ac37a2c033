package io.prockit.posix;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * DESIGN.md's structure rules for the POSIX backend, checked on the compiled main classes. A rule that
 * ever needs an exception names it explicitly (with a TODO) instead of being weakened; today none has one,
 * and a new violation fails the build.
 *
 * <p>The rules are checked in methods, not {@code @ArchTest} fields: surefire's {@code -Dtest=} filter
 * keeps only tests with a method source, so field rules would silently run as zero tests.
 */
@AnalyzeClasses(packages = "io.prockit.posix", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "io.prockit.posix";
    private static final String JNA = "io.prockit.posix.jna..";
    private static final String LINUX = "io.prockit.posix.linux..";
    private static final String DARWIN = "io.prockit.posix.darwin..";
    private static final String[] SHARED = {
        "io.prockit.posix.spawn..", "io.prockit.posix.process..", "io.prockit.posix.os..", "io.prockit.posix.platform.."};

    /** The mappings of functions only one platform has: shared code should reach them through PosixPlatform. */
    private static final String[] PLATFORM_MAPPINGS = {
        "io.prockit.posix.jna.LinuxLibC", "io.prockit.posix.jna.DarwinLibC", "io.prockit.posix.jna.LibProc"};

    /** The classes (and their nested classes) named, as an exception to a rule. */
    private static DescribedPredicate<JavaClass> oneOf(String... names) {
        Set<String> set = Set.of(names);
        return DescribedPredicate.describe("one of " + set, c -> {
            String n = c.getName();
            int nested = n.indexOf('$');
            return set.contains(nested < 0 ? n : n.substring(0, nested));
        });
    }

    private static final ArchRule JNA_USES_ONLY_JNA_AND_JAVA = classes().that().resideInAPackage(JNA)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JNA, "java..", "com.sun.jna..")
            .because("the jna package holds mappings and structure layouts only, no logic (DESIGN.md, Layout)");

    @ArchTest
    void jnaUsesOnlyJnaAndJava(JavaClasses classes) {
        JNA_USES_ONLY_JNA_AND_JAVA.check(classes);
    }

    private static final ArchRule LINUX_DOES_NOT_USE_DARWIN = noClasses().that().resideInAPackage(LINUX)
            .should().dependOnClassesThat().resideInAPackage(DARWIN)
            .because("linux and darwin never use each other");

    @ArchTest
    void linuxDoesNotUseDarwin(JavaClasses classes) {
        LINUX_DOES_NOT_USE_DARWIN.check(classes);
    }

    private static final ArchRule DARWIN_DOES_NOT_USE_LINUX = noClasses().that().resideInAPackage(DARWIN)
            .should().dependOnClassesThat().resideInAPackage(LINUX)
            .because("linux and darwin never use each other");

    @ArchTest
    void darwinDoesNotUseLinux(JavaClasses classes) {
        DARWIN_DOES_NOT_USE_LINUX.check(classes);
    }

    private static final ArchRule SHARED_CODE_DOES_NOT_NAME_APLATFORM_PACKAGE = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat().resideInAnyPackage(LINUX, DARWIN)
            .because("only the composition root (io.prockit.posix) names a platform; spawn, process, os and "
                    + "platform get platform differences through PosixPlatform");

    @ArchTest
    void sharedCodeDoesNotNameAPlatformPackage(JavaClasses classes) {
        SHARED_CODE_DOES_NOT_NAME_APLATFORM_PACKAGE.check(classes);
    }

    private static final ArchRule SHARED_CODE_DOES_NOT_CALL_PLATFORM_MAPPINGS = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat(oneOf(PLATFORM_MAPPINGS))
            .because("a Linux-only or macOS-only function reaches shared code through PosixPlatform, never "
                    + "through if (darwin) in shared code");

    @ArchTest
    void sharedCodeDoesNotCallPlatformMappings(JavaClasses classes) {
        SHARED_CODE_DOES_NOT_CALL_PLATFORM_MAPPINGS.check(classes);
    }

    private static final ArchRule ONLY_THE_ROOT_USES_THE_ROOT = noClasses().that().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .because("packages point one way: the composition root uses the parts, never the reverse");

    @ArchTest
    void onlyTheRootUsesTheRoot(JavaClasses classes) {
        ONLY_THE_ROOT_USES_THE_ROOT.check(classes);
    }

    /** The capability interfaces of {@code io.prockit.spi} that a backend hands out as objects of their own. */
    private static final String[] CAPABILITIES = {
        "io.prockit.spi.CurrentProcess", "io.prockit.spi.PosixCalls", "io.prockit.spi.IdCalls",
        "io.prockit.spi.GroupCalls", "io.prockit.spi.PriorityCalls", "io.prockit.spi.WaitCalls",
        "io.prockit.spi.SystemInfoCalls", "io.prockit.spi.SavedIdCalls", "io.prockit.spi.SchedulerCalls",
        "io.prockit.spi.PidfdCalls", "io.prockit.spi.Descriptors", "io.prockit.spi.WindowsCalls"};

    private static final ArchRule THE_ROOT_IS_NO_CAPABILITY = noClasses().that().resideInAPackage(ROOT)
            .should().implement(DescribedPredicate.describe("a capability interface of io.prockit.spi",
                    (JavaClass i) -> Set.of(CAPABILITIES).contains(i.getName())))
            .because("capabilities are separate objects the composition root builds and hands out (DESIGN.md, "
                    + "Structure rules: a small contract), not the backend itself");

    @ArchTest
    void theRootIsNoCapability(JavaClasses classes) {
        THE_ROOT_IS_NO_CAPABILITY.check(classes);
    }

    private static DescribedPredicate<JavaMethodCall> libcCallNamed(String what, java.util.function.Predicate<String> name) {
        return DescribedPredicate.describe("a call of " + what, call -> call.getTargetOwner().getPackageName()
                .equals("io.prockit.posix.jna") && name.test(call.getName()));
    }

    private static final ArchRule ONLY_THE_SPAWNER_CALLS_POSIX_SPAWN = noClasses()
            .that(not(oneOf("io.prockit.posix.spawn.Spawner")))
            .should().callMethodWhere(libcCallNamed("posix_spawn*", n -> n.startsWith("posix_spawn")))
            .because("one spawn path: only the spawner calls posix_spawn* (DESIGN.md, Structure rules)");

    @ArchTest
    void onlyTheSpawnerCallsPosixSpawn(JavaClasses classes) {
        ONLY_THE_SPAWNER_CALLS_POSIX_SPAWN.check(classes);
    }

    private static final ArchRule ONLY_THE_WAIT_ENGINE_AND_REAPERS_WAIT = noClasses()
            .that(not(oneOf("io.prockit.posix.process.WaitEngine")))
            .and().doNotImplement("io.prockit.posix.process.Reaper")
            .should().callMethodWhere(libcCallNamed("wait4/waitid/waitpid/wait3/wait",
                    n -> Set.of("wait4", "waitid", "waitpid", "wait3", "wait").contains(n)))
            .because("one wait engine: only it and the reapers reap (DESIGN.md, Structure rules)");

    @ArchTest
    void onlyTheWaitEngineAndReapersWait(JavaClasses classes) {
        ONLY_THE_WAIT_ENGINE_AND_REAPERS_WAIT.check(classes);
    }
}
