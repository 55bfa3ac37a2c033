package io.prockit.windows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * DESIGN.md's structure rules for the Windows backend, checked on the compiled main classes (methods, not
 * {@code @ArchTest} fields, so that surefire's {@code -Dtest=} filter runs them). The spawn / process / os
 * package split of this module is not done yet (issue 12); the cycle it is meant to break
 * (WindowsBackend - Spawner - WindowsChild) is broken already and kept broken here.
 */
@AnalyzeClasses(packages = "io.prockit.windows", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final ArchRule JNA_USES_ONLY_JNA = classes().that().resideInAPackage("io.prockit.windows.jna..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.prockit.windows.jna..", "java..", "com.sun.jna..")
            .because("the jna package holds only what jna-platform lacks: mappings and layouts, no logic");

    private static final ArchRule PARTS_DO_NOT_USE_THE_BACKEND = noClasses().that()
            .haveFullyQualifiedName("io.prockit.windows.spawn.Spawner")
            .or().haveFullyQualifiedName("io.prockit.windows.process.WindowsChild")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.prockit.windows.WindowsBackend")
            .because("the spawner and the children receive the narrow ChildRegistry, not the backend "
                    + "(no back-and-forth between a class and its caller)");

    @ArchTest
    void spawnerAndChildDoNotUseTheBackend(JavaClasses classes) {
        PARTS_DO_NOT_USE_THE_BACKEND.check(classes);
    }

    @ArchTest
    void jnaUsesOnlyJnaAndJava(JavaClasses classes) {
        JNA_USES_ONLY_JNA.check(classes);
    }
}
