package io.prockit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * DESIGN.md's structure rules for core, checked on the compiled main classes (methods, not {@code @ArchTest}
 * fields, so that surefire's {@code -Dtest=} filter runs them).
 */
@AnalyzeClasses(packages = "io.prockit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** A class of the API package that is plain data: a record, an enum, a sealed data type or an exception. */
    private static final DescribedPredicate<JavaClass> API_BEHAVIOUR = DescribedPredicate.describe(
            "an io.prockit class that is not a value type (record, enum, sealed interface, exception)", c -> {
                if (!c.getPackageName().equals("io.prockit")) {
                    return false;
                }
                JavaClass top = c;
                while (top.getEnclosingClass().isPresent()) {
                    top = top.getEnclosingClass().get();
                }
                Class<?> k = top.reflect();
                return !(k.isRecord() || k.isEnum() || k.isSealed() || Throwable.class.isAssignableFrom(k)
                        || k.isAnnotation());
            });

    private static final ArchRule CORE_HAS_NO_JNA = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.sun.jna..")
            .because("core is the platform-free contract; native access lives in the platform modules");

    private static final ArchRule SPI_USES_ONLY_VALUE_TYPES = noClasses().that().resideInAPackage("io.prockit.spi..")
            .should().dependOnClassesThat(API_BEHAVIOUR)
            .because("spi uses only value types of io.prockit (DESIGN.md, Packages point one way)");

    // TODO(issue 12): ProcessTableProvider's default awaitExit/awaitAnyExit saturate their deadlines through
    // io.prockit.internal.Durations (issue 14); that arithmetic belongs where a backend may use it (spi), or the
    // defaults move out of the spi.
    private static final ArchRule SPI_DOES_NOT_USE_INTERNAL = noClasses().that().resideInAPackage("io.prockit.spi..")
            .and().doNotHaveFullyQualifiedName("io.prockit.spi.ProcessTableProvider")
            .should().dependOnClassesThat().resideInAPackage("io.prockit.internal..")
            .because("a backend implements the spi without core's internals");

    @ArchTest
    void coreHasNoJna(JavaClasses classes) {
        CORE_HAS_NO_JNA.check(classes);
    }

    @ArchTest
    void spiUsesOnlyValueTypes(JavaClasses classes) {
        SPI_USES_ONLY_VALUE_TYPES.check(classes);
    }

    @ArchTest
    void spiDoesNotUseInternal(JavaClasses classes) {
        SPI_DOES_NOT_USE_INTERNAL.check(classes);
    }
}
