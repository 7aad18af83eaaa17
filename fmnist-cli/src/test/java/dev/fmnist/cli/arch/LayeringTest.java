package dev.fmnist.cli.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

/**
 * The project's layering, checked over every fmnist main class on the CLI's run-time class path (the
 * CLI sees all modules, including every backend).
 */
class LayeringTest {
    /** Main code only: no test classes, no test-jars (the conformance kit lives in one). */
    private static final ImportOption MAIN_CODE_ONLY = (Location location) ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    private static final JavaClasses ALL = new ClassFileImporter().withImportOption(MAIN_CODE_ONLY)
            .importPackages("dev.fmnist");

    private static final String[] NATIVE_LIBRARIES = {"org.tensorflow..", "org.nd4j..", "org.deeplearning4j..",
        "org.bytedeco.."};

    @Test
    void seesEveryModule() {
        assertThat(ALL.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("api", "data", "guice", "backend", "viz", "serve", "cli", "keras");
    }

    @Test
    void theApiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.fmnist.api..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.fmnist.api..", "java..").check(ALL);
    }

    @Test
    void backendsDoNotKnowEachOther() {
        slices().matching("dev.fmnist.backend.(*)..").should().notDependOnEachOther().check(ALL);
    }

    @Test
    void backendsDependOnTheApiNotOnTheFrontEnds() {
        noClasses().that().resideInAPackage("dev.fmnist.backend..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fmnist.cli..", "dev.fmnist.viz..", "dev.fmnist.guice..", "dev.fmnist.serve..")
                .check(ALL);
    }

    @Test
    void dataAndVizNeverTouchBackends() {
        noClasses().that().resideInAnyPackage("dev.fmnist.data..", "dev.fmnist.viz..", "dev.fmnist.guice..")
                .should().dependOnClassesThat().resideInAPackage("dev.fmnist.backend..").check(ALL);
        noClasses().that().resideInAnyPackage("dev.fmnist.data..", "dev.fmnist.viz..", "dev.fmnist.guice..")
                .should().dependOnClassesThat().resideInAnyPackage(NATIVE_LIBRARIES).check(ALL);
    }

    @Test
    void theCliReachesBackendsOnlyThroughTheSpi() {
        noClasses().that().resideInAPackage("dev.fmnist.cli..").should().dependOnClassesThat()
                .resideInAPackage("dev.fmnist.backend..").check(ALL);
        noClasses().that().resideInAPackage("dev.fmnist.cli..").should().dependOnClassesThat()
                .resideInAnyPackage(NATIVE_LIBRARIES).check(ALL);
    }

    @Test
    void theApisInternalPackagesServeFmnistOnly() {
        classes().that().resideInAPackage("dev.fmnist.api.internal..").should().onlyHaveDependentClassesThat()
                .resideInAPackage("dev.fmnist..").check(ALL);
    }

    @Test
    void theServerReachesBackendsOnlyThroughTheSpiAndNeverTheCli() {
        noClasses().that().resideInAPackage("dev.fmnist.serve..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fmnist.backend..", "dev.fmnist.cli..", "dev.fmnist.viz..").check(ALL);
        noClasses().that().resideInAPackage("dev.fmnist.serve..").should().dependOnClassesThat()
                .resideInAnyPackage(NATIVE_LIBRARIES).check(ALL);
        noClasses().that().resideInAnyPackage("dev.fmnist.api..", "dev.fmnist.data..", "dev.fmnist.backend..",
                "dev.fmnist.viz..").should().dependOnClassesThat().resideInAPackage("dev.fmnist.serve..").check(ALL);
    }

    @Test
    void kerasSupportDependsOnTheApiOnly() {
        noClasses().that().resideInAPackage("dev.fmnist.keras..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fmnist.backend..", "dev.fmnist.cli..", "dev.fmnist.viz..",
                        "dev.fmnist.guice..", "dev.fmnist.data..").check(ALL);
        noClasses().that().resideInAPackage("dev.fmnist.keras..").should().dependOnClassesThat()
                .resideInAnyPackage(NATIVE_LIBRARIES).check(ALL);
    }

    @Test
    void theCliReachesKerasFilesOnlyThroughTheApi() {
        noClasses().that().resideInAPackage("dev.fmnist.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fmnist.keras..", "io.jhdf..").check(ALL);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.fmnist.(**)").should().beFreeOfCycles().check(ALL);
    }
}
