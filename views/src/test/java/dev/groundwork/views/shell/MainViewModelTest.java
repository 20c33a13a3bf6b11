package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.study.Study;

import dev.groundwork.model.review.PatchReview;

import dev.groundwork.model.inbox.IdeaInbox;

import java.util.Optional;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.QueuedUiThread;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.newstudy.NewStudyWizardViewModel;
import dev.groundwork.views.newstudy.WizardStep;
import dev.groundwork.views.fakes.FakeStudy;
import dev.groundwork.views.fakes.Statuses;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

    private final Path charlmDir = Path.of("/studies/charlm");
    private final Path nanoDir = Path.of("/studies/nanogpt");
    private final FakeStudy charlm = FakeStudy.writable("charlm-demo", charlmDir);
    private final FakeStudy nano = FakeStudy.writable("nanogpt", nanoDir);
    private final FakeStudies studies = new FakeStudies().with(charlm).with(nano);
    private final MainViewModel vm = new MainViewModel(studies, new SameThreadTaskExecutor(), Theme.LIGHT);

    @Test
    void beforeAnyStudyTheWindowSaysSo() {
        assertThat(vm.titleProperty().get()).isEqualTo("Groundwork");
        assertThat(vm.studyNameProperty().get()).isEmpty();
        assertThat(vm.ideas().page().noticeProperty().get()).isEqualTo("No study is open.");
    }

    @Test
    void openingAStudyExposesItAndItsStatus() {
        vm.openStudy(charlmDir);

        assertThat(vm.studyProperty().get()).isSameAs(charlm);
        assertThat(vm.statusProperty().get().study()).isEqualTo("charlm-demo");
        assertThat(vm.titleProperty().get()).isEqualTo("charlm-demo · 2 patches wait for review — Groundwork");
        assertThat(vm.studyNameProperty().get()).isEqualTo("charlm-demo");
        assertThat(vm.studyPathProperty().get()).isEqualTo(charlmDir.toString());
        assertThat(vm.readOnlyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.tasks()).isEmpty();
    }

    @Test
    void anotherStudyIsNotOpenedWhileRunsStartedHereStillWriteToTheOpenOne() {
        AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        StudyDesks busy = new StudyDesks() {
            @Override
            public Optional<IdeaInbox> inbox(Study study) {
                return Optional.empty();
            }

            @Override
            public Optional<PatchReview> review(Study study) {
                return Optional.empty();
            }

            @Override
            public boolean runsActive(Study study) {
                return running.get();
            }
        };
        MainViewModel window = new MainViewModel(studies, new SameThreadTaskExecutor(), Theme.LIGHT, busy, "ada");
        window.openStudy(charlmDir);

        window.openStudy(nanoDir);

        assertThat(window.studyProperty().get()).isSameAs(charlm);
        assertThat(charlm.isClosed()).isFalse();
        assertThat(window.errorProperty().get().title()).isEqualTo("Runs are still running on charlm-demo");
        assertThat(window.errorProperty().get().message()).contains("Stop or pause the loop");

        running.set(false);
        window.dismissError();
        window.openStudy(nanoDir);
        assertThat(window.studyProperty().get()).isSameAs(nano);
    }

    @Test
    void theSidebarCountsWhatWaitsForTheResearcher() {
        assertThat(vm.waitingOn(Page.REVIEW).getValue()).as("no study yet").isEqualTo(0);
        vm.openStudy(charlmDir);

        assertThat(vm.waitingOn(Page.REVIEW).getValue()).as("patches at the patch gate").isEqualTo(2);
        assertThat(vm.waitingOn(Page.IDEAS).getValue()).as("ideas at the idea gate").isEqualTo(3);
        assertThat(vm.waitingOn(Page.RUNS).getValue()).isEqualTo(0);
    }

    @Test
    void aFailedOpenShowsTheStudyExceptionsSentenceAndKeepsTheOpenStudy() {
        vm.openStudy(charlmDir);
        Path locked = Path.of("/studies/broken");
        studies.failing(locked, "groundwork.db is damaged: restore it from a backup or delete it to start over.");

        vm.openStudy(locked);

        assertThat(vm.errorProperty().get())
                .isEqualTo(new UserError("Could not open the study",
                        "groundwork.db is damaged: restore it from a backup or delete it to start over."));
        assertThat(vm.studyProperty().get()).isSameAs(charlm);
        assertThat(charlm.isClosed()).isFalse();
    }

    @Test
    void errorsAreShownOneAtATime() {
        vm.openStudy(Path.of("/nowhere/a"));
        vm.openStudy(Path.of("/nowhere/b"));

        assertThat(vm.errorProperty().get().message()).startsWith("/nowhere/a");
        vm.dismissError();
        assertThat(vm.errorProperty().get().message()).startsWith("/nowhere/b");
        vm.dismissError();
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void anUnexpectedFailureIsASentenceNotAStackTrace() {
        FakeStudy broken = FakeStudy.writable("broken", Path.of("/studies/x"));
        broken.failStatusWith(new IllegalStateException("database is locked"));
        studies.with(broken);

        vm.openStudy(broken.dir());

        assertThat(vm.errorProperty().get().message())
                .isEqualTo("Something unexpected went wrong (database is locked). The log file has the details.");
        assertThat(broken.isClosed()).as("a study whose status cannot be read is not left open").isTrue();
    }

    @Test
    void aReadOnlyStudyShowsItsReasonAndSaysSoInTheTitle() {
        FakeStudy held = new FakeStudy("held", Path.of("/studies/held"), "Another Groundwork (pid 4242) has this study open; close it there to make changes.",
                Statuses.sample("held"));
        studies.with(held);

        vm.openStudy(held.dir());

        assertThat(vm.readOnlyProperty().get()).isTrue();
        assertThat(vm.readOnlyReasonProperty().get()).isEqualTo("Another Groundwork (pid 4242) has this study open; close it there to make changes.");
        assertThat(vm.titleProperty().get()).isEqualTo("held (read-only) · 2 patches wait for review — Groundwork");
    }

    @Test
    void openingAnotherStudyClosesThePreviousOne() {
        vm.openStudy(charlmDir);
        vm.openStudy(nanoDir);

        assertThat(charlm.closes()).isEqualTo(1);
        assertThat(nano.isClosed()).isFalse();
        assertThat(vm.studyProperty().get()).isSameAs(nano);
    }

    @Test
    void openingTheOpenStudyAgainRereadsItsStatusInsteadOfLockingItTwice() {
        vm.openStudy(charlmDir);
        charlm.setStatus(Statuses.empty("charlm-demo"));

        vm.openStudy(Path.of("/studies/./charlm"));

        assertThat(charlm.isClosed()).isFalse();
        assertThat(vm.statusProperty().get().ideas().get("total")).isZero();
    }

    @Test
    void theLatestRequestedStudyWinsWhicheverOpensFirst() throws Exception {
        QueuedUiThread ui = new QueuedUiThread();
        CountDownLatch slowDisk = new CountDownLatch(1);
        studies.holdOpen(charlmDir, slowDisk);
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui)) {
            MainViewModel racing = new MainViewModel(studies, executor, Theme.LIGHT);
            racing.openStudy(charlmDir);
            racing.openStudy(nanoDir);

            ui.runNext();
            slowDisk.countDown();
            // The pages' own reads post too, in no fixed order: run what is posted until the late study is dealt with.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!charlm.isClosed() && System.nanoTime() < deadline) {
                if (ui.isIdle()) {
                    Thread.sleep(5);
                } else {
                    ui.runNext();
                }
            }

            assertThat(racing.studyProperty().get()).isSameAs(nano);
            assertThat(charlm.isClosed()).as("the late study is closed, not shown").isTrue();
            assertThat(nano.isClosed()).isFalse();
        }
    }

    @Test
    void shutdownClosesTheStudyAndLaterOpensAreRefused() {
        vm.openStudy(charlmDir);

        vm.shutdown();
        vm.openStudy(nanoDir);

        assertThat(charlm.isClosed()).isTrue();
        assertThat(nano.isClosed()).isFalse();
        assertThat(vm.studyProperty().get()).isNull();
    }

    @Test
    void theDemoStudyOpensWhenTheLauncherAsks() {
        FakeStudy demo = FakeStudy.writable("charlm-demo", Path.of("/data/demo"));
        studies.withDemo(demo);

        vm.openDemo();

        assertThat(vm.studyProperty().get()).isSameAs(demo);
    }

    @Test
    void recentStudiesAreReadAfterAnOpenAndOnRequest() {
        vm.openStudy(charlmDir);
        vm.openStudy(nanoDir);
        assertThat(vm.recentStudies()).containsExactly(nanoDir, charlmDir);

        studies.recentList().remove(charlmDir);
        vm.refreshRecent();

        assertThat(vm.recentStudies()).containsExactly(nanoDir);
    }

    @Test
    void theThemeToggles() {
        vm.toggleTheme();
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.DARK);
        vm.toggleTheme();
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aNewStudyFromATemplateIsCreatedAndOpenedOnTheIdeasPageWithItsSeedPrompt() {
        vm.openStudy(charlmDir);
        vm.pageProperty().set(Page.RUNS);
        NewStudyWizardViewModel wizard = vm.newStudyWizard();
        wizard.source().useTemplateProperty().set(true);
        wizard.source().templateProperty().set(wizard.source().templates().get(1));
        wizard.next();
        assertThat(wizard.stepProperty().get()).as("a template needs no files, run or reward").isEqualTo(WizardStep.CREATE);
        assertThat(wizard.create().nameProperty().get()).isEqualTo("nanogpt");
        wizard.create().nameProperty().set("lr-sweep");

        wizard.createStudy();

        assertThat(studies.created()).containsExactly(Path.of("/studies/lr-sweep") + " from nanogpt");
        assertThat(wizard.createdProperty().get()).isTrue();
        assertThat(vm.studyNameProperty().get()).isEqualTo("lr-sweep");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.IDEAS);
        assertThat(vm.ideas().inbox().seedPromptWantedProperty().get()).isTrue();
        assertThat(charlm.isClosed()).isTrue();
    }

    @Test
    void refreshRereadsTheStatus() {
        vm.openStudy(charlmDir);
        charlm.setStatus(Statuses.empty("charlm-demo"));

        vm.refreshStatus();

        assertThat(charlm.statusReads()).isEqualTo(2);
        assertThat(vm.statusProperty().get().epoch()).isZero();
    }
}
