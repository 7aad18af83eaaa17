package dev.fmnist.viz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** fmnist-viz draws from the API's values only: no backend, no command line, no native libraries. */
class ArchitectureTest {
    private static final JavaClasses VIZ = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.fmnist.viz");

    @Test
    void dependsOnlyOnTheJdkJFreeChartAndTheApi() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.imageio..", "org.jfree..",
                "dev.fmnist.api..", "dev.fmnist.viz..").check(VIZ);
    }

    @Test
    void neverTouchesBackendsOrTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.fmnist.backend..", "dev.fmnist.cli..",
                "dev.fmnist.data..", "dev.fmnist.api.spi..").check(VIZ);
    }

    @Test
    void chartsDoNotDependOnTheReport() {
        noClasses().that().resideInAnyPackage("dev.fmnist.viz.image..", "dev.fmnist.viz.chart..", "dev.fmnist.viz.io..")
                .should().dependOnClassesThat().resideInAPackage("dev.fmnist.viz.report..").check(VIZ);
    }
}
