package dev.fmnist.keras.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** fmnist-keras depends on the API, jhdf and the JDK only (never on a backend), and has no package cycles. */
class KerasLayeringTest {
    private static final JavaClasses KERAS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.fmnist.keras");

    @Test
    void dependsOnTheApiAndJhdfOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.fmnist.keras..", "dev.fmnist.api..",
                "io.jhdf..", "java..").check(KERAS);
    }

    @Test
    void hasNoPackageCycles() {
        slices().matching("dev.fmnist.keras.(*)..").should().beFreeOfCycles().check(KERAS);
    }
}
