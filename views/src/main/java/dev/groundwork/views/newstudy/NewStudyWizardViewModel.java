package dev.groundwork.views.newstudy;

import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.PlanCheck;
import dev.groundwork.model.intake.StudyPlan;
import dev.groundwork.model.study.Studies;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.TemplateInfo;
import dev.groundwork.views.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The New Study window: a study from the researcher's own code (folder → files → run → test run → reward → name) or
 * from a bundled template (folder → name). Each step says in one sentence why it cannot go on yet; nothing is written
 * until Create, which makes the study in the background with the same services as the command line and hands it, open,
 * to the window. A failure leaves no study behind and says what to do.
 */
public final class NewStudyWizardViewModel {

    private static final List<WizardStep> FROM_CODE = List.of(WizardStep.values());
    private static final List<WizardStep> FROM_TEMPLATE = List.of(WizardStep.SOURCE, WizardStep.CREATE);

    private final Studies studies;
    private final TaskExecutor tasks;
    private final PlanCheck check;
    private final Consumer<Study> onCreated;
    private final SourceStepViewModel source;
    private final FilesStepViewModel files;
    private final RunStepViewModel run;
    private final TestRunViewModel testRun;
    private final RewardStepViewModel reward;
    private final CreateStepViewModel create;
    private final ReadOnlyObjectWrapper<WizardStep> step = new ReadOnlyObjectWrapper<>(WizardStep.SOURCE);
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper created = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final StringBinding reason;
    private final BooleanBinding canGoOn;
    private final BooleanBinding canCreate;
    private SourceStepViewModel.Draft loaded;

    /**
     * @param templates the bundled templates (may arrive later, read in the background)
     * @param onCreated receives the new study, open, on the UI thread
     */
    public NewStudyWizardViewModel(Studies studies, TaskExecutor tasks, NewStudyPorts ports,
                                   ObservableList<TemplateInfo> templates, Path suggestedLocation,
                                   Consumer<Study> onCreated) {
        this.studies = studies;
        this.tasks = tasks;
        this.onCreated = onCreated;
        this.check = new PlanCheck(ports.searchPath());
        source = new SourceStepViewModel(tasks, templates, ports.settleMillis());
        files = new FilesStepViewModel(check);
        run = new RunStepViewModel(tasks, check, files::code);
        testRun = new TestRunViewModel(tasks, ports.probeTarget());
        reward = new RewardStepViewModel(check);
        create = new CreateStepViewModel(tasks, suggestedLocation);
        // A test run of other files or another command says nothing about these.
        files.changesProperty().addListener(o -> {
            testRun.reset();
            run.recheck();
        });
        run.commandProperty().addListener(o -> testRun.reset());
        reason = Bindings.createStringBinding(this::reason, step, source.reasonProperty(), files.reasonProperty(),
                run.reasonProperty(), testRun.reasonProperty(), reward.reasonProperty(), create.reasonProperty(),
                creating);
        canGoOn = Bindings.createBooleanBinding(() -> reason.get().isEmpty() && !last(), reason, step,
                source.useTemplateProperty());
        canCreate = Bindings.createBooleanBinding(() -> step.get() == WizardStep.CREATE && reason.get().isEmpty()
                && !creating.get() && !created.get(), step, reason, creating, created);
    }

    public SourceStepViewModel source() {
        return source;
    }

    public FilesStepViewModel files() {
        return files;
    }

    public RunStepViewModel run() {
        return run;
    }

    public TestRunViewModel testRun() {
        return testRun;
    }

    public RewardStepViewModel reward() {
        return reward;
    }

    public CreateStepViewModel create() {
        return create;
    }

    public ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The steps of the chosen path: all six from code, two from a template. */
    public List<WizardStep> steps() {
        return source.useTemplateProperty().get() ? FROM_TEMPLATE : FROM_CODE;
    }

    /** Why the current step cannot go on (or be created), one sentence; empty when it can. */
    public StringBinding reasonProperty() {
        return reason;
    }

    public BooleanBinding canGoOnProperty() {
        return canGoOn;
    }

    public BooleanBinding canGoBackProperty() {
        return Bindings.createBooleanBinding(() -> step.get() != WizardStep.SOURCE && !creating.get(), step, creating);
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** True once the study was made and handed to the window (which then closes this one). */
    public ReadOnlyBooleanProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** Why creating failed and what to do; empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Goes to the next step when this one is complete. */
    public void next() {
        if (!canGoOn.get()) {
            return;
        }
        WizardStep to = steps().get(steps().indexOf(step.get()) + 1);
        enter(to);
        step.set(to);
    }

    public void back() {
        int at = steps().indexOf(step.get());
        if (at > 0 && !creating.get()) {
            step.set(steps().get(at - 1));
        }
    }

    /** Test-runs the baseline: the code as the study will hold it, with the run command typed. */
    public void startTestRun() {
        testRun.start(files.code(), run.words(), run.timeout().orElse(TestRunViewModel.MOST));
    }

    /** Leaves the window: a test run still going is stopped. */
    public void cancel() {
        testRun.cancel();
    }

    /** Makes the study in the background; on success hands it to the window, open. */
    public void createStudy() {
        if (!canCreate.get()) {
            return;
        }
        Path dir = create.folder().orElseThrow();
        failure.set("");
        creating.set(true);
        if (source.useTemplateProperty().get()) {
            String template = source.templateProperty().get().name();
            tasks.submit("Creating " + dir.getFileName(), progress -> studies.create(dir, template), this::done,
                    this::failed);
            return;
        }
        CodeSnapshot code = files.code();
        StudyPlan plan = plan();
        List<String> problems = check.problems(plan, code);
        if (!problems.isEmpty()) {
            creating.set(false);
            failure.set(problems.getFirst());
            return;
        }
        tasks.submit("Creating " + dir.getFileName(), progress -> studies.createFrom(dir, code, plan), this::done,
                this::failed);
    }

    /** The plan the study will be made with, from every step's fields. */
    StudyPlan plan() {
        StudyPlan plan = loaded.detection().plan().withName(create.nameProperty().get().strip())
                .withCommand(run.words()).withEditable(files.editable()).withProtected(files.protectedPaths())
                .withMetrics(reward.format()).withReward(reward.metricProperty().get(), reward.goalProperty().get())
                .withRuns(run.runs().orElseThrow());
        return plan.withValid(reward.valid().orElse(null));
    }

    private void done(Study study) {
        creating.set(false);
        created.set(true);
        onCreated.accept(study);
    }

    private void failed(Exception e) {
        creating.set(false);
        failure.set(e.getMessage() == null ? "Creating the study failed; check that its folder is writable and try"
                + " again." : e.getMessage());
    }

    /** Prepares a step from what the steps before it found, keeping the researcher's edits when nothing changed. */
    private void enter(WizardStep to) {
        switch (to) {
            case FILES -> {
                SourceStepViewModel.Draft draft = source.draftProperty().get();
                if (draft != loaded) {
                    loaded = draft;
                    files.load(draft.code(), draft.detection().plan());
                    run.load(draft.detection());
                    testRun.reset();
                }
            }
            case REWARD -> reward.load(testRun.proposalProperty().get());
            case CREATE -> create.propose(source.useTemplateProperty().get()
                    ? source.templateProperty().get().name()
                    : loaded.detection().plan().name());
            default -> { }
        }
    }

    private boolean last() {
        return steps().indexOf(step.get()) == steps().size() - 1;
    }

    private String reason() {
        if (creating.get()) {
            return "Creating the study…";
        }
        ObservableValue<String> current = switch (step.get()) {
            case SOURCE -> source.reasonProperty();
            case FILES -> files.reasonProperty();
            case RUN -> run.reasonProperty();
            case TEST -> testRun.reasonProperty();
            case REWARD -> reward.reasonProperty();
            case CREATE -> create.reasonProperty();
        };
        return current.getValue();
    }
}
