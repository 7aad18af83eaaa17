package dev.fmnist.api.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The API depends on the JDK alone, and its packages form no cycles. */
class ApiLayeringTest {
    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.fmnist.api");

    @Test
    void dependsOnTheJdkOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.fmnist.api..", "java..")
                .check(API);
    }

    @Test
    void hasNoPackageCycles() {
        slices().matching("dev.fmnist.api.(*)..").should().beFreeOfCycles().check(API);
    }
}
