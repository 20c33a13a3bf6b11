package dev.groundwork.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.groundwork.runners.llm.LlmClient;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.BaseStream;
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

    /**
     * The classes that own threads, each for a reason of its own; anything else that needs work done elsewhere is handed
     * one of their executors (the window's BackgroundTaskExecutor, a study's Database writer) instead of making its own.
     */
    private static final List<String> THREAD_OWNERS = List.of(
            "dev.groundwork.model.store.Database",                 // the one writer thread of a study's database
            "dev.groundwork.model.settings.SettingsStore",         // saves settings a moment after the last change
            "dev.groundwork.model.dispatch.StudyScheduler",        // a study's starter and host watcher; each run's start
            "dev.groundwork.runners.local.LocalRun",               // waits for, streams and stops a local process
            "dev.groundwork.runners.docker.DockerRun",             // waits for and stops a container
            "dev.groundwork.runners.docker.DockerRunTarget",       // streams a workspace into a new container as a tar
            "dev.groundwork.runners.llm.LlmIdeator",               // asks the LLM for ideas in parallel, then joins
            "dev.groundwork.runners.preflight.PythonPreflight",    // reads a check's output while it runs with a timeout
            "dev.groundwork.views.common.BackgroundTaskExecutor",  // the window's background work
            "dev.groundwork.app.cli.HostStatus",                   // checks every host at once, each with a deadline
            "dev.groundwork.app.loop.RunCommand");                 // the Ctrl-C shutdown hook (a Thread by API)

    /**
     * Making a thread or an executor: a Thread constructor or builder, an Executors factory, or an executor's or
     * Timer's constructor. Handing work to an executor someone else made is not making one.
     */
    private static final DescribedPredicate<JavaAccess<?>> MAKES_A_THREAD = new DescribedPredicate<>(
            "make a thread or an executor") {
        @Override
        public boolean test(JavaAccess<?> access) {
            JavaClass owner = access.getTargetOwner();
            String name = access.getTarget().getName();
            if (access instanceof JavaConstructorCall || name.equals("<init>")) {
                return owner.isAssignableTo(Thread.class) || owner.isAssignableTo(ExecutorService.class)
                        || owner.isAssignableTo(Timer.class);
            }
            return owner.isEquivalentTo(Thread.class) && Set.of("ofPlatform", "ofVirtual", "startVirtualThread").contains(name)
                    || owner.isEquivalentTo(Executors.class) && name.startsWith("new");
        }
    };

    /** Borrowing the JVM's shared pool: async work with no executor named, the pool itself, parallel streams. */
    private static final DescribedPredicate<JavaAccess<?>> BORROWS_THE_COMMON_POOL = new DescribedPredicate<>(
            "run work on the JVM's common pool") {
        @Override
        public boolean test(JavaAccess<?> access) {
            JavaClass owner = access.getTargetOwner();
            String name = access.getTarget().getName();
            int parameters = access.getTarget() instanceof CodeUnitAccessTarget unit ? unit.getRawParameterTypes().size() : -1;
            return owner.isEquivalentTo(CompletableFuture.class) && Set.of("supplyAsync", "runAsync").contains(name)
                            && parameters == 1
                    || owner.isEquivalentTo(ForkJoinPool.class) && name.equals("commonPool")
                    || owner.isAssignableTo(Collection.class) && name.equals("parallelStream")
                    || owner.isAssignableTo(BaseStream.class) && name.equals("parallel");
        }
    };

    @Test
    void threadsAreMadeOnlyByTheirNamedOwners() {
        noClasses().that(ownerOrNestedIn(THREAD_OWNERS).negate())
                .should().accessTargetWhere(MAKES_A_THREAD)
                .because("threads are made in a few named places whose lifetime and shutdown are known (see THREAD_OWNERS)")
                .check(classes);
    }

    @Test
    void nothingBorrowsTheCommonPool() {
        noClasses().should().accessTargetWhere(BORROWS_THE_COMMON_POOL)
                .because("a blocking read on the shared pool can starve everyone else's; own a named thread instead")
                .check(classes);
    }

    @Test
    void theLlmProvidersAreIndependent() {
        classes().that().areAssignableTo(LlmClient.class).and().areNotInterfaces()
                .and().doNotHaveModifier(JavaModifier.ABSTRACT)
                .should(new ArchCondition<>("not depend on another provider's client") {
                    @Override
                    public void check(JavaClass client, ConditionEvents events) {
                        client.getDirectDependenciesFromSelf().stream()
                                .filter(dependency -> dependency.getTargetClass().isAssignableTo(LlmClient.class)
                                        && !dependency.getTargetClass().isInterface()
                                        && !dependency.getTargetClass().getModifiers().contains(JavaModifier.ABSTRACT)
                                        && !dependency.getTargetClass().getName().startsWith(client.getName()))
                                .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                        dependency.getDescription())));
                    }
                })
                .because("each provider is one adapter of LlmClient; what they share lives in HttpLlmClient")
                .check(classes);
    }

    @Test
    void theProductHoldsNoWorkshop() {
        noClasses().should().resideInAPackage("..bench..")
                .because("benchmarks and synthetic studies live in the bench module, which is never shipped")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheWorkshop() {
        noClasses().that().resideOutsideOfPackage("..bench..")
                .should().dependOnClassesThat().resideInAPackage("..bench..")
                .because("the product runs without the workshop; only the workshop builds on the product")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> ownerOrNestedIn(List<String> owners) {
        return DescribedPredicate.describe("are one of " + owners, javaClass -> owners.stream().anyMatch(
                owner -> javaClass.getName().equals(owner) || javaClass.getName().startsWith(owner + "$")));
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.groundwork.(*).(*)..").should().beFreeOfCycles().check(classes);
    }
}
