package dev.fmnist.backend.tf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's boundaries, checked on its main classes. */
@AnalyzeClasses(packages = "dev.fmnist.backend.tf", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Only the JDK, the fmnist API, TensorFlow Java (whose session options are protobuf messages in
     * {@code org.tensorflow.proto}) and javacpp; never another backend, the CLI or the charts.
     */
    @ArchTest
    static final ArchRule dependsOnlyOnTheApiAndTensorFlow = classes().that().resideInAPackage("dev.fmnist.backend.tf..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.fmnist.api..",
                    "dev.fmnist.backend.tf..", "org.tensorflow..", "org.bytedeco..");

    /** The provider is loaded to list backends, so it must not mention TensorFlow in its own code. */
    @ArchTest
    static final ArchRule providerLeavesTensorFlowAlone = noClasses().that().resideInAPackage("dev.fmnist.backend.tf")
            .should().dependOnClassesThat().resideInAnyPackage("org.tensorflow..", "org.bytedeco..");

    /** Graph building does not run graphs, and nothing below the engine knows the SPI wiring. */
    @ArchTest
    static final ArchRule layersPointDownwards = slices().matching("dev.fmnist.backend.tf.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule graphDoesNotRunSessions = noClasses().that().resideInAPackage("..tf.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("..tf.session..", "..tf.engine..", "org.tensorflow.Session");
}
