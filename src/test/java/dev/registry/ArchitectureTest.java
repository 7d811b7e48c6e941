package dev.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.junit.jupiter.api.Test;

/**
 * The packages depend one way: {@code database} and then {@code rest} at the bottom, the features
 * on top. A cycle, or an arrow from a lower package to a higher one, fails the build.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.registry");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.registry.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void arrowsRunDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("database").definedBy("dev.registry.database..")
                .layer("rest").definedBy("dev.registry.rest..")
                .layer("migration").definedBy("dev.registry.migration..")
                .layer("devices").definedBy("dev.registry.devices..")
                .layer("health").definedBy("dev.registry.health..")
                .layer("access").definedBy("dev.registry.access..")
                .whereLayer("devices").mayNotBeAccessedByAnyLayer()
                .whereLayer("health").mayNotBeAccessedByAnyLayer()
                .whereLayer("access").mayNotBeAccessedByAnyLayer()
                .whereLayer("migration").mayOnlyBeAccessedByLayers("health")
                .whereLayer("rest").mayOnlyBeAccessedByLayers("devices", "health", "access")
                .whereLayer("database").mayOnlyBeAccessedByLayers("rest", "migration", "devices", "health")
                .check(MAIN);
    }

    @Test
    void theDatabasePackageDependsOnNothingOfOurs() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideInAPackage("dev.registry.database..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.registry.rest..", "dev.registry.migration..", "dev.registry.devices..", "dev.registry.health..", "dev.registry.access..")
                .check(MAIN);
    }

    @Test
    void noMethodIsMeasuredByAnInterceptor() {
        noMethods().should().beAnnotatedWith(Timed.class).orShould().beAnnotatedWith(Counted.class)
                .because("MicroProfile's metric annotations are CDI interceptors, and Payara's cost a GET more"
                        + " CPU than the timer itself on every call: resource methods use @Measured (README, Benchmarks)")
                .check(MAIN);
    }
}
