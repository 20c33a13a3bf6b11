package dev.groundwork.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
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
    void runnersUseNoJavaFx() {
        noClasses().that().resideInAPackage("dev.groundwork.runners..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.fxmisc..")
                .because("runners start and follow runs; the window is the views' business")
                .check(classes);
    }

    @Test
    void viewsNeverTouchTheStore() {
        noClasses().that().resideInAPackage("dev.groundwork.views..")
                .should().dependOnClassesThat().resideInAPackage("dev.groundwork.model.store..")
                .because("pages read a study through the model's services, never its tables")
                .check(classes);
    }

    @Test
    void noMutableStatics() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("dev.groundwork..")
                .should().beFinal()
                .because("no global state: what is shared is made once in the composition root and handed on")
                .check(classes);
    }

    @Test
    void theRunnersAdaptersAreIndependent() {
        slices().matching("dev.groundwork.runners.(*)..").should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("dev.groundwork.runners.hosts.."), alwaysTrue())
                .ignoreDependency(alwaysTrue(), resideInAPackage("dev.groundwork.runners.common.."))
                .because("a target is one adapter; runners.hosts picks among them, runners.common serves them all")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.groundwork.(*).(*)..").should().beFreeOfCycles().check(classes);
    }
}
