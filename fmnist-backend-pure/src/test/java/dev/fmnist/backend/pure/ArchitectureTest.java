package dev.fmnist.backend.pure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The pure backend depends on the JDK, the Vector API and the fmnist API only. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fmnist.backend.pure");

    @Test
    void dependsOnlyOnTheJdkTheVectorApiAndTheFmnistApi() {
        classes().that().resideInAPackage("dev.fmnist.backend.pure..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jdk.incubator.vector..", "dev.fmnist.api..", "dev.fmnist.backend.pure..")
                .check(MAIN);
    }

    @Test
    void onlyTheVectorKernelClassesTouchTheVectorApi() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.fmnist.backend.pure.kernel.VectorKernels")
                .and().doNotHaveFullyQualifiedName("dev.fmnist.backend.pure.kernel.VectorGemm")
                .and().doNotHaveFullyQualifiedName("dev.fmnist.backend.pure.kernel.VectorElementwise")
                .and().doNotHaveFullyQualifiedName("dev.fmnist.backend.pure.kernel.VectorSparseRows")
                .and().doNotHaveFullyQualifiedName("dev.fmnist.backend.pure.kernel.VectorSparseInputs")
                .and().doNotHaveFullyQualifiedName("dev.fmnist.backend.pure.kernel.VectorNonZeros")
                .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
                .check(MAIN);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("dev.fmnist.backend.pure.kernel..", "dev.fmnist.backend.pure.parallel..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fmnist.backend.pure.nn..",
                        "dev.fmnist.backend.pure.optim..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("dev.fmnist.backend.pure.kernel..", "dev.fmnist.backend.pure.parallel..",
                "dev.fmnist.backend.pure.nn..", "dev.fmnist.backend.pure.optim..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.fmnist.backend.pure.PureBackend")
                .check(MAIN);
    }
}
