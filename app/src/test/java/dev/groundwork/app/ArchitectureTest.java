package dev.groundwork.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module and layering rules of docs/architecture.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // the model's shared test fixtures
                .importPackages("dev.groundwork");
    }

    @Test
    void theModelKnowsNoUiNoDockerNoHttp() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.groundwork.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.github.dockerjava..", "okhttp3..",
                        "org.controlsfx..", "org.fxmisc..", "com.anthropic..", "com.openai..", "java.net.http..")
                .because("the model is the domain: UI, Docker and HTTP live in views and runners");
        rule.check(classes);
    }

    @Test
    void sqlLivesOnlyInTheStore() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.groundwork.model.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("SQL only in model.store");
        rule.check(classes);
    }

    @Test
    void modulesDependOneWay() {
        noClasses().that().resideInAPackage("dev.groundwork.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.groundwork.runners..", "dev.groundwork.views..",
                        "dev.groundwork.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.groundwork.runners..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.groundwork.views..", "dev.groundwork.app..")
                .allowEmptyShould(true) // runners fills in with the research-loop work
                .check(classes);
        noClasses().that().resideInAPackage("dev.groundwork.views..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.groundwork.runners..", "dev.groundwork.app..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models are testable without a toolkit; views bind to them")
                .check(classes);
    }

    @Test
    void onlyCommonViewCodeAndTheAppHopOntoTheFxThread() {
        noClasses().that().resideOutsideOfPackages("dev.groundwork.views.common..", "dev.groundwork.app..")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("high-rate updates are batched in one place (views.common)")
                .check(classes);
    }

    @Test
    void onlyTheCliPrinterWritesToTheTerminal() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.groundwork.app.cli.CliPrinter")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("what the CLI tells a user goes through one printer; everything else logs")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.groundwork.(*).(*)..").should().beFreeOfCycles().check(classes);
    }
}
