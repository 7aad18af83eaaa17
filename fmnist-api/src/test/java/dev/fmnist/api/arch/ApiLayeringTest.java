package dev.fmnist.api.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API depends on the JDK alone, keeps its internal packages out of public signatures, and has no cycles. */
class ApiLayeringTest {
    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.fmnist.api");

    @Test
    void dependsOnTheJdkOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.fmnist.api..", "java..")
                .check(API);
    }

    @Test
    void publicSignaturesDoNotExposeInternalTypes() {
        List<String> leaks = API.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !c.getPackageName().contains(".internal"))
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(m -> Stream.concat(Stream.of(m.getRawReturnType()), m.getRawParameterTypes().stream())
                        .anyMatch(t -> t.getPackageName().contains(".internal")))
                .map(JavaMethod::getFullName).toList();
        assertThat(leaks).as("public API methods using internal types").isEmpty();
    }

    @Test
    void hasNoPackageCycles() {
        slices().matching("dev.fmnist.api.(*)..").should().beFreeOfCycles().check(API);
    }
}
