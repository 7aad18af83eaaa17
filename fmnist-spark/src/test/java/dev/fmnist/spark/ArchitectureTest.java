package dev.fmnist.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** fmnist-spark reaches backends only through the SPI, and classifies through the shared classifier. */
class ArchitectureTest {
    private static final JavaClasses SPARK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.fmnist.spark");

    @Test
    void neverTouchesABackendTheCommandLineOrTheServer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.fmnist.backend..", "dev.fmnist.cli..",
                "dev.fmnist.serve..", "org.nd4j..", "org.deeplearning4j..", "org.tensorflow..").check(SPARK);
    }

    @Test
    void picturesArePreparedOnlyByTheSharedClassifier() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.fmnist.data.image..").check(SPARK);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.fmnist.spark.(*)..").should().beFreeOfCycles().check(SPARK);
    }
}
