package jp.cartflow.mail.taglanguage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailTemplateArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.cartflow.mail.taglanguage");

    @Test
    @DisplayName("MAIL-1 the template engine is plain Java: no Spring, no Camunda, no Jakarta")
    void noFrameworks() {
        noClasses().that().resideInAPackage("jp.cartflow.mail.taglanguage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta..")
                .check(CLASSES);
    }
}
