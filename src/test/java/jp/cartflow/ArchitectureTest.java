package jp.cartflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The floors of the house (docs/architecture.md): dependencies point one way, and no package cycles. */
@DisplayName("Architecture: package floors")
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.cartflow");
    }

    @Test
    @DisplayName("platform depends on no feature")
    void platformIsTheGroundFloor() {
        noClasses().that().resideInAPackage("jp.cartflow.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.cartflow.shop..", "jp.cartflow.order..",
                        "jp.cartflow.mail..", "jp.cartflow.shipping..", "jp.cartflow.subscription..",
                        "jp.cartflow.payment..")
                .check(classes);
    }

    @Test
    @DisplayName("mail knows nothing of orders or processes above it")
    void mailIsBelowOrders() {
        noClasses().that().resideInAPackage("jp.cartflow.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.cartflow.order..", "jp.cartflow.shipping..")
                .check(classes);
    }

    @Test
    @DisplayName("shop is the lowest feature floor")
    void shopIsBelowEverything() {
        noClasses().that().resideInAPackage("jp.cartflow.shop..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.cartflow.mail..", "jp.cartflow.order..",
                        "jp.cartflow.shipping..")
                .check(classes);
    }

    @Test
    @DisplayName("order does not reach up into shipping")
    void orderIsBelowShipping() {
        noClasses().that().resideInAPackage("jp.cartflow.order..")
                .should().dependOnClassesThat().resideInAPackage("jp.cartflow.shipping..")
                .check(classes);
    }

    @Test
    @DisplayName("payment sits on order, mail and shop: it knows nothing of shipping or subscriptions")
    void paymentIsBelowSubscriptions() {
        noClasses().that().resideInAPackage("jp.cartflow.payment..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.cartflow.shipping..", "jp.cartflow.subscription..")
                .check(classes);
    }

    @Test
    @DisplayName("order, mail and shop do not reach up into payment")
    void lowerFloorsDoNotKnowPayment() {
        noClasses().that().resideInAnyPackage("jp.cartflow.order..", "jp.cartflow.mail..", "jp.cartflow.shop..")
                .should().dependOnClassesThat().resideInAPackage("jp.cartflow.payment..")
                .check(classes);
    }

    @Test
    @DisplayName("payment: the gateway adapters know no application code, and only payment.process touches the engine")
    void paymentLayers() {
        noClasses().that().resideInAnyPackage("jp.cartflow.payment.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.cartflow.order..", "jp.cartflow.mail..",
                        "jp.cartflow.shop..", "jp.cartflow.platform..")
                .orShould().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(classes);
        noClasses().that().resideInAPackage("jp.cartflow.payment..").and().resideOutsideOfPackage("jp.cartflow.payment.process..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(classes);
    }

    @Test
    @DisplayName("only process adapters and delegates touch the engine API")
    void engineBehindPorts() {
        noClasses().that().resideInAnyPackage("jp.cartflow.shop..", "jp.cartflow.order..", "jp.cartflow.mail.taglanguage..",
                        "jp.cartflow.mail.shoptemplates..", "jp.cartflow.mail.smtp..", "jp.cartflow.mail.bounce..")
                .or().haveSimpleName("ShipmentService")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(classes);
    }

    @Test
    @DisplayName("subscription domain is plain Java: no Spring, no Camunda, no other cartflow package "
            + "(except the plain-Java refusals of platform.errors)")
    void subscriptionDomainIsPlainJava() {
        noClasses().that().resideInAPackage("jp.cartflow.subscription.domain..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.camunda..",
                        "jakarta..", "java.sql..", "jp.cartflow.platform..", "jp.cartflow.order..",
                        "jp.cartflow.mail..", "jp.cartflow.shop..")
                        .and(DescribedPredicate.not(resideInAPackage("jp.cartflow.platform.errors.."))))
                .orShould().dependOnClassesThat().resideInAnyPackage("jp.cartflow.subscription")
                .check(classes);
    }

    @Test
    @DisplayName("platform.errors (the refusals every room and domain may throw) is plain Java: it needs only the JDK")
    void errorsArePlainJava() {
        classes().that().resideInAPackage("jp.cartflow.platform.errors..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jp.cartflow.platform.errors..")
                .check(classes);
    }

    @Test
    @DisplayName("subscription: only its process package touches the engine; nothing below depends on it")
    void subscriptionFloors() {
        noClasses().that().resideInAPackage("jp.cartflow.subscription..")
                .and().resideOutsideOfPackage("jp.cartflow.subscription.process..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(classes);
        noClasses().that().resideInAnyPackage("jp.cartflow.shop..", "jp.cartflow.order..", "jp.cartflow.mail..",
                        "jp.cartflow.shipping..", "jp.cartflow.platform..")
                .should().dependOnClassesThat().resideInAPackage("jp.cartflow.subscription..")
                .check(classes);
    }

    @Test
    @DisplayName("no cycles between feature packages")
    void noCycles() {
        slices().matching("jp.cartflow.(*)..").should().beFreeOfCycles().check(classes);
    }
}
