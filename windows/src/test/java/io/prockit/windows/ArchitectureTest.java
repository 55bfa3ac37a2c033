package io.prockit.windows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * DESIGN.md's structure rules for the Windows backend, checked on the compiled main classes (methods, not
 * {@code @ArchTest} fields, so that surefire's {@code -Dtest=} filter runs them). The spawn / process / os
 * split of this module is not done yet (issue 12): its rules come with it.
 */
@AnalyzeClasses(packages = "io.prockit.windows", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final ArchRule JNA_USES_ONLY_JNA = classes().that().resideInAPackage("io.prockit.windows.jna..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.prockit.windows.jna..", "java..", "com.sun.jna..")
            .because("the jna package holds only what jna-platform lacks: mappings and layouts, no logic");

    @ArchTest
    void jnaUsesOnlyJnaAndJava(JavaClasses classes) {
        JNA_USES_ONLY_JNA.check(classes);
    }
}
