package dev.fmnist.backend.dl4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The backend's dependencies: the API, DL4J/ND4J/JavaCPP and the JDK; never another fmnist module. */
class ArchitectureTest {
    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fmnist.backend.dl4j");

    @Test
    void dependsOnlyOnTheApiDl4jAndTheJdk() {
        classes().that().resideInAPackage("dev.fmnist.backend.dl4j..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.fmnist.api..",
                        "dev.fmnist.backend.dl4j..", "org.deeplearning4j..", "org.nd4j..", "org.bytedeco..", "")
                .check(main);
    }

    @Test
    void theProviderPackageNeverTouchesNativeCode() {
        noClasses().that().resideInAPackage("dev.fmnist.backend.dl4j")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..",
                        "org.bytedeco..", "dev.fmnist.backend.dl4j.engine..", "dev.fmnist.backend.dl4j.runtime..",
                        "dev.fmnist.backend.dl4j.network..",
                        "dev.fmnist.backend.dl4j.training..", "dev.fmnist.backend.dl4j.model..")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.fmnist.backend.dl4j.(*)..").should().beFreeOfCycles().check(main);
    }
}
