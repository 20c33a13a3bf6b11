package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.app.loop.TestAssemblies;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.spec.SpecEdit;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.views.runs.RunControl;
import dev.groundwork.views.shell.LoopRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's one open study on real minimal studies: the pages get the same services on every call, and leaving the
 * study or closing the window stops its scheduler, while a study whose loop runs is never closed by a question about
 * another.
 */
class WindowDesksTest {

    @TempDir
    Path temp;

    private CliRunner cli;
    private SettingsStore settings;
    private StudyLibrary library;
    private StudyFolder first;
    private StudyFolder second;
    private WindowDesks desks;

    @BeforeEach
    void twoMinimalStudies() throws Exception {
        cli = new CliRunner(temp.resolve("home"));
        settings = new SettingsStore(temp.resolve("settings.json"));
        library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, cli.dirs(),
                Clock.systemUTC());
        first = library.open(newStudy("first"));
        second = library.open(newStudy("second"));
        desks = new WindowDesks(TestAssemblies.local(temp), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        desks.close();
        first.close();
        second.close();
        settings.close();
    }

    @Test
    void everyPollOfTheOpenStudyGetsTheSameServices() {
        assertThat(desks.runs(first).orElseThrow()).isSameAs(desks.runs(first).orElseThrow());
        assertThat(desks.analytics(first).orElseThrow()).isSameAs(desks.analytics(first).orElseThrow());
        assertThat(desks.inbox(first).orElseThrow()).isSameAs(desks.inbox(first).orElseThrow());
        assertThat(desks.review(first).orElseThrow()).isSameAs(desks.review(first).orElseThrow());
        assertThat(desks.loop(first).orElseThrow()).isSameAs(desks.loop(first).orElseThrow());
        assertThat(desks.runControl(first).orElseThrow()).isSameAs(desks.runControl(first).orElseThrow());
    }

    @Test
    void aSeedIsCheckedByTheImplementerTheSpecNamesNowNotTheOneItNamedWhenTheStudyOpened() throws Exception {
        assertThatThrownBy(() -> desks.inbox(first).orElseThrow().seed("Ternary attention", "Three ways.", List.of(),
                Optional.empty())).as("the offline catalog knows only its own ideas").isInstanceOf(IdeaInbox.SeedRefused.class);

        first.editSpec(List.of(SpecEdit.set("agents.implementer", "anthropic:claude-sonnet-4-5")));

        assertThat(desks.inbox(first).orElseThrow().seed("Ternary attention", "Three ways.", List.of(), Optional.empty()))
                .as("an LLM can try any idea").isNotBlank();
        assertThat(desks.inbox(first).orElseThrow()).isSameAs(desks.inbox(first).orElseThrow());
    }

    @Test
    void openingAnotherStudyClosesThePreviousOneAndStopsItsScheduler() throws Exception {
        Set<Thread> schedulerThreads = threadsMadeBy(() -> desks.runControl(first).orElseThrow().hosts());
        assertThat(schedulerThreads).as("the scheduler's starter and host watcher").hasSize(2);
        var previous = desks.runs(first).orElseThrow();
        RunControl stale = desks.runControl(first).orElseThrow();

        assertThat(desks.runs(second)).isPresent();

        awaitEnded(schedulerThreads);
        assertThat(threadsMadeBy(() -> assertThatThrownBy(stale::hosts)
                .hasMessageEndingWith("is no longer open in this window."))).as("a page still reading the left study starts no scheduler for it").isEmpty();
        assertThat(desks.runs(first).orElseThrow()).as("opened again, afresh").isNotSameAs(previous);
    }

    @Test
    void closingTheWindowClosesTheOpenStudy() throws Exception {
        Set<Thread> schedulerThreads = threadsMadeBy(() -> desks.runControl(first).orElseThrow().hosts());
        assertThat(schedulerThreads).hasSize(2);

        desks.close();

        awaitEnded(schedulerThreads);
        assertThat(desks.runs(first)).as("nothing is opened after the window closed").isEmpty();
    }

    @Test
    void aStudyWhoseLoopRunsIsNotClosedByAQuestionAboutAnother() throws Exception {
        Path spec = first.dir().resolve(StudyFolder.SPEC_FILE);
        first.close();
        Files.writeString(spec, Files.readString(spec).replace("command: [\"python3\", \"train.py\"]",
                "command: [\"python3\", \"-c\", \"import time; time.sleep(60)\"]"));
        first = library.open(spec.getParent());
        LoopRunner loop = desks.loop(first).orElseThrow();
        var monitor = desks.runs(first).orElseThrow();
        CompletableFuture<LoopOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return loop.run(LoopEvents.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> first.store().runs().all().stream()
                .anyMatch(run -> run.status() == RunStatus.RUNNING));

        assertThat(desks.runsActive(first)).isTrue();
        assertThat(desks.runs(second)).as("the window keeps the busy study; the other gets no desks yet").isEmpty();
        assertThat(desks.runs(first).orElseThrow()).isSameAs(monitor);
        assertThat(desks.runsActive(first)).isTrue();

        desks.close(); // as the window closes: its run is stopped and recorded as interrupted
        loop.stop();
        outcome.handle((ended, failure) -> ended).get(60, TimeUnit.SECONDS);
        assertThat(first.store().runs().all()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(run.failureClass()).isEqualTo(FailureClass.INFRA);
        });
    }

    private Path newStudy(String name) {
        Path dir = temp.resolve(name);
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        return dir;
    }

    /** The scheduler threads that {@code action} left running. */
    private static Set<Thread> threadsMadeBy(Runnable action) {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        action.run();
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> !before.contains(thread))
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("scheduler-")).collect(Collectors.toSet());
    }

    private static void awaitEnded(Set<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
            assertThat(thread.isAlive()).as(thread.getName() + " has ended").isFalse();
        }
    }
}
