package dev.groundwork.views.newstudy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Scheduled;
import dev.groundwork.views.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The New Study window's steps without a toolkit: what each step checks as it is typed, and what Create makes. */
class NewStudyWizardViewModelTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyLibrary library;
    private final ScriptedTarget target = new ScriptedTarget()
            .prints("loading", "{\"step\": 0, \"train_loss\": 1.9, \"val_loss\": 2.0}",
                    "{\"step\": 10, \"train_loss\": 1.1, \"val_loss\": 1.25}", "done");
    private final List<Study> opened = new ArrayList<>();
    private NewStudyWizardViewModel wizard;
    private Path code;

    @BeforeEach
    void setUp() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("config"), temp.resolve("data"), temp.resolve("cache"),
                temp.resolve("state"));
        settings = new SettingsStore(dirs.settingsFile());
        library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC());
        code = Files.createDirectories(temp.resolve("mycode"));
        Files.writeString(code.resolve("train.py"), "import json\nfrom evaluate import score\n"
                + "print(json.dumps({'step': 0, 'val_loss': score()}))\n");
        Files.writeString(code.resolve("evaluate.py"), "def score():\n    return 1.0\n");
        Files.createDirectories(code.resolve("notes"));
        Files.writeString(code.resolve("notes/ideas.py"), "# scratch\n");
        Files.writeString(code.resolve("README.md"), "My code.\n");
        wizard = wizard(Optional.of(target));
    }

    private NewStudyWizardViewModel wizard(Optional<dev.groundwork.model.execution.RunTarget> probe) {
        return wizard(probe, new SameThreadTaskExecutor());
    }

    private NewStudyWizardViewModel wizard(Optional<dev.groundwork.model.execution.RunTarget> probe, TaskExecutor tasks) {
        return new NewStudyWizardViewModel(library, tasks,
                new NewStudyPorts(probe, System.getenv("PATH"), 0), FXCollections.observableArrayList(),
                temp.resolve("studies"), opened::add);
    }

    @AfterEach
    void tearDown() {
        opened.forEach(Study::close);
        settings.close();
    }

    @Test
    void theFolderStepSaysWhatIsWrongWithThePathAsItIsTyped() throws Exception {
        assertThat(wizard.reasonProperty().get()).isEqualTo("Type or choose the folder that holds your training code.");
        assertThat(wizard.canGoOnProperty().get()).isFalse();

        wizard.source().pathProperty().set(temp.resolve("nowhere").toString());
        assertThat(wizard.reasonProperty().get()).isEqualTo("There is no folder " + temp.resolve("nowhere")
                + "; name the folder that holds your code.");

        Path notes = Files.createDirectories(temp.resolve("shopping"));
        Files.writeString(notes.resolve("list.txt"), "milk\n");
        wizard.source().pathProperty().set(notes.toString());
        assertThat(wizard.reasonProperty().get()).startsWith(notes + " holds no source code");

        wizard.source().pathProperty().set(code.toString());
        assertThat(wizard.reasonProperty().get()).isEmpty();
        assertThat(wizard.canGoOnProperty().get()).isTrue();
        assertThat(wizard.source().summaryProperty().get()).startsWith("Read " + code + ": 4 files");
    }

    @Test
    void theFilesStepPresetsTheDetectedRolesAndAFolderSetsItsFiles() throws Exception {
        toFiles();
        FileNode top = wizard.files().rootProperty().get();
        assertThat(role(top, "train.py")).isEqualTo(FileRole.EDITABLE);
        assertThat(role(top, "notes/ideas.py")).isEqualTo(FileRole.EDITABLE);
        assertThat(role(top, "evaluate.py")).isEqualTo(FileRole.PROTECTED);
        assertThat(role(top, "README.md")).isEqualTo(FileRole.KEPT);
        assertThat(top.role()).as("the top folder's files differ").isEmpty();

        node(top, "notes").setRole(FileRole.LEFT_OUT);
        assertThat(role(top, "notes/ideas.py")).isEqualTo(FileRole.LEFT_OUT);
        assertThat(wizard.files().leftOut()).containsExactly("notes/ideas.py");
        assertThat(wizard.files().code().file("notes/ideas.py")).isEmpty();
        int chars = Files.readString(code.resolve("train.py")).length();
        assertThat(wizard.files().sizeProperty().get()).startsWith("The implementer sees 1 editable file: " + chars
                + " characters, about " + chars / 4 + " tokens (a token is about 4 characters) of the 128k-token context");

        node(top, "train.py").setRole(FileRole.KEPT);
        assertThat(wizard.reasonProperty().get())
                .isEqualTo("Make at least one file editable: the implementer can only change editable files.");
        node(top, "train.py").setRole(FileRole.EDITABLE);
        node(top, "evaluate.py").setRole(FileRole.EDITABLE);
        assertThat(wizard.reasonProperty().get()).isEmpty();
    }

    @Test
    void editableFilesThatWouldNotFitTheImplementersContextAreWarnedAbout() throws Exception {
        Files.writeString(code.resolve("big.py"), "x = 1\n".repeat(100_000));
        toFiles();
        assertThat(wizard.files().warningProperty().get()).startsWith("The editable files (about 150,0");
        node(wizard.files().rootProperty().get(), "big.py").setRole(FileRole.KEPT);
        assertThat(wizard.files().warningProperty().get()).isEmpty();
    }

    @Test
    void theRunStepChecksTheCommandAgainstTheCodeAsItWillBeAndTheLimits() {
        toFiles();
        wizard.next();
        RunStepViewModel run = wizard.run();
        assertThat(run.commandProperty().get()).isEqualTo("python3 train.py");
        assertThat(run.commandFromProperty().get()).isEqualTo("Found from train.py at the top of the code.");
        assertThat(wizard.reasonProperty().get()).isEmpty();

        run.commandProperty().set("pyhton3 train.py");
        assertThat(wizard.reasonProperty().get()).isEqualTo("The run command's program 'pyhton3' is not found on this"
                + " machine (it is not on PATH); install it, or name a program that is.");
        run.commandProperty().set("python3 train.py");
        run.concurrencyProperty().set("two");
        assertThat(wizard.reasonProperty().get()).startsWith("Concurrency 'two' is not a whole number");
        run.concurrencyProperty().set("2");
        run.timeoutProperty().set("soon");
        assertThat(wizard.reasonProperty().get()).isEqualTo("The timeout 'soon' is not a duration; write e.g. 90s, 30m or"
                + " 2h.");
        run.timeoutProperty().set("10m");

        wizard.back();
        node(wizard.files().rootProperty().get(), "train.py").setRole(FileRole.LEFT_OUT);
        node(wizard.files().rootProperty().get(), "notes/ideas.py").setRole(FileRole.EDITABLE);
        wizard.next();
        assertThat(wizard.reasonProperty().get()).as("the script was left out")
                .startsWith("The run command runs 'train.py', which is not in the code");
    }

    @Test
    void theTestRunShowsTheOutputAndMetricsAndTheRewardStepOffersWhatItSaw() {
        toTest();
        assertThat(wizard.reasonProperty().get()).isEqualTo("Test-run the baseline to see which metrics it prints.");

        wizard.startTestRun();

        TestRunViewModel test = wizard.testRun();
        assertThat(test.log()).containsExactly("loading", "{\"step\": 0, \"train_loss\": 1.9, \"val_loss\": 2.0}",
                "{\"step\": 10, \"train_loss\": 1.1, \"val_loss\": 1.25}", "done");
        assertThat(test.metrics()).containsExactly(new TestRunViewModel.MetricRow("train_loss", 1.1, 2),
                new TestRunViewModel.MetricRow("val_loss", 1.25, 2));
        assertThat(test.statusProperty().get()).startsWith("Saw 2 metric lines (train_loss, val_loss, read as JSON"
                + " lines); the baseline ended after 0.4 s with exit 0.");
        assertThat(target.launches.getLast().command()).containsExactly("python3", "train.py");
        assertThat(target.launches.getLast().timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(target.workspaces.getLast()).as("the code as the study will hold it")
                .containsExactly("README.md", "evaluate.py", "notes/ideas.py", "train.py");
        assertThat(wizard.reasonProperty().get()).isEmpty();

        wizard.next();
        assertThat(wizard.reward().metrics()).containsExactly("train_loss", "val_loss");
        assertThat(wizard.reward().metricProperty().get()).isEqualTo("val_loss");
        assertThat(wizard.reward().goalProperty().get()).isEqualTo("minimize");
        wizard.reward().lowProperty().set("0");
        assertThat(wizard.reasonProperty().get()).isEqualTo("Give both ends of the valid range, or neither.");
        wizard.reward().highProperty().set("-1");
        assertThat(wizard.reasonProperty().get()).isEqualTo("The valid range's low end must be below its high end;"
                + " correct them or leave both empty.");
        wizard.reward().highProperty().set("ten");
        assertThat(wizard.reasonProperty().get()).isEqualTo("'ten' is not a number; write e.g. 0 or 12.5.");
        wizard.reward().highProperty().set("10");
        assertThat(wizard.reasonProperty().get()).isEmpty();
    }

    @Test
    void aBaselineThatCrashesOrPrintsNoMetricSaysWhatToDo() {
        ScriptedTarget crashing = new ScriptedTarget().prints("Traceback (most recent call last):",
                "ZeroDivisionError: division by zero").exits(1);
        wizard = wizard(Optional.of(crashing));
        toTest();
        wizard.startTestRun();
        assertThat(wizard.reasonProperty().get()).isEqualTo("The baseline failed (it ended after 0.4 s with exit 1); its"
                + " last lines are in the log. Fix your code or the run command, then test-run again.");
        assertThat(wizard.canGoOnProperty().get()).isFalse();

        wizard = wizard(Optional.of(new ScriptedTarget().prints("training…", "done")));
        toTest();
        wizard.startTestRun();
        assertThat(wizard.reasonProperty().get()).startsWith("The baseline printed no metric line Groundwork can read;"
                + " make it print JSON lines such as {\"step\": 100, \"val_loss\": 2.31}");
    }

    @Test
    void whileTheTestRunGoesItsLinesAreTakenInEveryPollAndThePollingStopsWhenItEndsOrTheWindowCloses() {
        HeldOutcomes tasks = new HeldOutcomes();
        wizard = wizard(Optional.of(target), tasks);
        toTest();
        TestRunViewModel test = wizard.testRun();
        assertThat(tasks.scheduled()).isZero();

        wizard.startTestRun(); // its lines are printed; its end is not delivered yet
        assertThat(test.runningProperty().get()).isTrue();
        assertThat(test.polling()).isTrue();
        assertThat(test.log()).as("not taken in before the poll is due").isEmpty();
        tasks.advance(TestRunViewModel.POLL);
        assertThat(test.log()).hasSize(4);
        assertThat(test.metrics()).hasSize(2);

        tasks.deliver();
        assertThat(test.runningProperty().get()).isFalse();
        assertThat(tasks.scheduled()).as("no repeat left once it ended").isZero();

        wizard.startTestRun();
        assertThat(tasks.scheduled()).isEqualTo(1);
        test.stopPolling(); // the window closes while it runs
        assertThat(tasks.scheduled()).isZero();
    }

    /**
     * Runs each task's work at once on the test's thread but delivers the test run's outcome only on {@link #deliver},
     * so that the test run stays running while the test moves the repeats' clock.
     */
    private static final class HeldOutcomes implements TaskExecutor {
        private final SameThreadTaskExecutor same = new SameThreadTaskExecutor();
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> BackgroundTask submit(String name, Work<T> work, java.util.function.Consumer<? super T> onSuccess,
                                         java.util.function.Consumer<? super Exception> onFailure) {
            if (!name.startsWith("Test-running")) {
                return same.submit(name, work, onSuccess, onFailure);
            }
            BackgroundTask task = same.submit(name, progress -> null, nothing -> {}, failure -> {});
            try {
                T result = work.call(task);
                held.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                held.add(() -> onFailure.accept(e));
            }
            return task;
        }

        @Override
        public Scheduled schedule(Duration delay, Duration period, Runnable action) {
            return same.schedule(delay, period, action);
        }

        @Override
        public javafx.collections.ObservableList<BackgroundTask> tasks() {
            return same.tasks();
        }

        void advance(Duration time) {
            same.advance(time);
        }

        int scheduled() {
            return same.scheduled();
        }

        void deliver() {
            held.forEach(Runnable::run);
            held.clear();
        }
    }

    @Test
    void aChangeOfFilesOrCommandAfterTheTestRunAsksForAnotherOne() {
        toTest();
        wizard.startTestRun();
        wizard.back();
        wizard.run().commandProperty().set("python3 evaluate.py");
        wizard.next();
        assertThat(wizard.reasonProperty().get()).isEqualTo("Test-run the baseline to see which metrics it prints.");
        assertThat(wizard.testRun().statusProperty().get()).isEqualTo("The files or the run command changed since the"
                + " last test run; test-run again.");
    }

    @Test
    void createMakesTheStudyFromEveryStepAndHandsItOverOpen() throws Exception {
        toTest();
        node(wizard.files().rootProperty().get(), "notes").setRole(FileRole.LEFT_OUT);
        wizard.back();
        wizard.run().concurrencyProperty().set("2");
        wizard.run().timeoutProperty().set("5m");
        wizard.next();
        wizard.startTestRun();
        wizard.next();
        wizard.reward().lowProperty().set("0");
        wizard.reward().highProperty().set("10");
        wizard.next();
        CreateStepViewModel create = wizard.create();
        assertThat(create.nameProperty().get()).isEqualTo("mycode");
        assertThat(create.folder()).contains(temp.resolve("studies/mycode"));
        Files.createDirectories(temp.resolve("studies/mycode"));
        Files.writeString(temp.resolve("studies/mycode/keep.txt"), "mine\n");
        create.locationProperty().set(temp.resolve("studies") + "/");
        assertThat(wizard.reasonProperty().get()).isEqualTo(temp.resolve("studies/mycode") + " already holds files;"
                + " type another folder name, or choose another location.");
        create.nameProperty().set("my sweep");
        assertThat(create.folderNameProperty().get()).isEqualTo("my-sweep");
        assertThat(wizard.canCreateProperty().get()).isTrue();
        assertThat(temp.resolve("studies/my-sweep")).as("nothing is written before Create").doesNotExist();

        wizard.createStudy();

        assertThat(wizard.failureProperty().get()).isEmpty();
        assertThat(wizard.createdProperty().get()).isTrue();
        assertThat(opened).singleElement().satisfies(study -> {
            StudyFolder folder = (StudyFolder) study;
            assertThat(folder.name()).isEqualTo("my sweep");
            assertThat(folder.spec().baseline().isEditable("train.py")).isTrue();
            assertThat(folder.spec().baseline().isProtected("evaluate.py")).isTrue();
            assertThat(folder.spec().run().timeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(folder.spec().search().concurrency()).isEqualTo(2);
            assertThat(folder.spec().reward().metric()).isEqualTo("val_loss");
            assertThat(folder.spec().reward().valid()).isPresent();
            assertThat(folder.baseline().dir().resolve("notes/ideas.py")).doesNotExist();
            assertThat(folder.baseline().dir().resolve("README.md")).exists();
        });
    }

    @Test
    void aFailedCreateSaysWhatToDoAndLeavesNothingBehind() throws Exception {
        toTest();
        wizard.startTestRun();
        wizard.next();
        wizard.next();
        Files.writeString(temp.resolve("blocked"), "a file where a folder should be\n");
        wizard.create().locationProperty().set(temp.resolve("blocked").toString());
        assertThat(wizard.canCreateProperty().get()).isTrue();

        wizard.createStudy();

        assertThat(wizard.createdProperty().get()).isFalse();
        assertThat(wizard.failureProperty().get()).contains("nothing was left behind");
        assertThat(opened).isEmpty();
        assertThat(Files.readString(temp.resolve("blocked"))).isEqualTo("a file where a folder should be\n");
    }

    @Test
    void withoutATestRunTargetTheStepSaysSo() {
        wizard = wizard(Optional.empty());
        toTest();
        wizard.startTestRun();
        assertThat(wizard.reasonProperty().get()).startsWith("Test runs are not available in this window");
    }

    private void toFiles() {
        wizard.source().pathProperty().set(code.toString());
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.FILES);
    }

    private void toTest() {
        toFiles();
        wizard.next();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.TEST);
    }

    private static FileNode node(FileNode top, String path) {
        if (top.path().equals(path)) {
            return top;
        }
        return top.children().stream().map(child -> {
            try {
                return node(child, path);
            } catch (IllegalArgumentException notThere) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(path));
    }

    private static FileRole role(FileNode top, String path) {
        return node(top, path).role().orElseThrow();
    }
}
