package jp.cartflow.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import jp.cartflow.platform.web.ApiException;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rooms and arrows of docs/architecture/layers.yaml, checked with wildcard rules: every top-level package
 * under jp.cartflow is found by scanning, so a new room is checked (and must be declared) without editing
 * this test.
 */
@DisplayName("Architecture: layers.yaml")
class LayeringTest {

    private static JavaClasses classes;
    private static Layers layers;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.cartflow");
        layers = Layers.load();
    }

    @Test
    @DisplayName("every top-level package is a room declared in layers.yaml")
    void everyRoomDeclared() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            String room = Layers.roomOf(c.getName());
            if (room != null) {
                found.add(room);
            }
        }
        assertThat(layers.rooms().keySet()).as("rooms in layers.yaml").containsAll(found);
    }

    @Test
    @DisplayName("a room imports only the rooms its arrows allow")
    void onlyAllowedArrows() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass c : classes) {
            String from = Layers.roomOf(c.getName());
            if (from == null) {
                continue;
            }
            List<String> allowed = layers.rooms().getOrDefault(from, List.of());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = Layers.roomOf(d.getTargetClass().getName());
                if (to != null && !to.equals(from) && !allowed.contains(to)) {
                    violations.add(from + " → " + to + ": " + d.getDescription());
                }
            }
        }
        assertThat(violations).as("arrows not in layers.yaml").isEmpty();
    }

    @Test
    @DisplayName("only the packages layers.yaml names touch the Camunda API")
    void engineOnlyWhereAllowed() {
        noClasses().that().resideInAPackage("jp.cartflow..")
                .and().resideOutsideOfPackages(layers.engineAllowed().toArray(String[]::new))
                .and().haveSimpleNameNotEndingWith("Delegate")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(classes);
    }

    @Test
    @DisplayName("ApiException is the web edge's: only platform.web and controllers use it, so no service, delegate "
            + "or domain class (nothing the engine runs) throws a web-layer exception")
    void apiExceptionOnlyAtTheWebEdge() {
        noClasses().that().resideOutsideOfPackage("jp.cartflow.platform.web..")
                .and().areNotAnnotatedWith(RestController.class)
                .and().areNotAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(ApiException.class)
                .because("services throw platform.errors.DomainException/TechnicalFailure; ApiExceptionHandler maps "
                        + "them to problem+json")
                .check(classes);
    }

    @Test
    @DisplayName("domain purity: no Spring and no Camunda in any ..domain.. package")
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    @DisplayName("package-private by default: the share of public main types stays under the ceiling (reported)")
    void publicTypesShare() {
        long total = classes.stream().filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
                .count();
        long open = classes.stream().filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC)).count();
        double percent = 100.0 * open / total;
        System.out.printf("public types: %d of %d (%.1f %%); target %d %%, ceiling %d %%%n", open, total, percent,
                layers.publicTargetPercent(), layers.publicCeilingPercent());
        assertThat(percent).as("public types %d of %d", open, total).isLessThanOrEqualTo(layers.publicCeilingPercent());
    }
}
