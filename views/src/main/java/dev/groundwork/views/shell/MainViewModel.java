package dev.groundwork.views.shell;

import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Studies;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.analytics.AnalyticsViewModel;
import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.TaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.ideas.IdeasViewModel;
import dev.groundwork.views.lineage.LineageViewModel;
import dev.groundwork.views.newstudy.NewStudyPorts;
import dev.groundwork.views.newstudy.NewStudyWizardViewModel;
import dev.groundwork.views.review.ReviewQueueViewModel;
import dev.groundwork.views.review.ReviewViewModel;
import dev.groundwork.views.runs.RunsViewModel;
import dev.groundwork.views.settings.SettingsPorts;
import dev.groundwork.views.settings.SettingsViewModel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The main window's state: the open study and its status, the selected page, the theme, background tasks and the
 * error to show. Built by the composition root; nothing here touches the scene graph.
 */
public final class MainViewModel {

    private final StudySession session;
    private final TaskExecutor tasks;
    private final ShownTasks shownTasks;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.IDEAS);
    private final ObjectProperty<Theme> theme;
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private final Deque<UserError> pendingErrors = new ArrayDeque<>();
    private final StringBinding title;
    private final StringBinding studyName;
    private final StringBinding studyPath;
    private final StringBinding readOnlyReason;
    private final BooleanBinding readOnly;
    private final IdeasViewModel ideas;
    private final ReviewViewModel review;
    private final RunsViewModel runs;
    private final AnalyticsViewModel analytics;
    private final LineageViewModel lineage;
    private final SettingsViewModel settings;
    private final LoopViewModel loop;
    private final StudyDesks desks;
    private final Studies studies;
    private final NewStudyPorts newStudyPorts;
    /** How long closing the window waits for a running loop to record its runs before closing the study. */
    private static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(10);

    /**
     * @param studies opens and creates studies (called off the UI thread)
     * @param tasks   runs that I/O; {@code BackgroundTaskExecutor} in the app
     * @param theme   the theme the user chose last time
     */
    public MainViewModel(Studies studies, TaskExecutor tasks, Theme theme) {
        this(studies, tasks, theme, StudyDesks.NONE, "human");
    }

    /**
     * @param desks    the ideas inbox and review desk of an open study
     * @param reviewer the name recorded with the decisions made in this window
     */
    public MainViewModel(Studies studies, TaskExecutor tasks, Theme theme, StudyDesks desks, String reviewer) {
        this(studies, tasks, theme, desks, reviewer, SettingsPorts.NONE);
    }

    /** @param settingsPorts the LLM providers and execution hosts the Settings page shows and tests */
    public MainViewModel(Studies studies, TaskExecutor tasks, Theme theme, StudyDesks desks, String reviewer,
                         SettingsPorts settingsPorts) {
        this(studies, tasks, theme, desks, reviewer, settingsPorts, NewStudyPorts.NONE);
    }

    /** @param newStudyPorts where the New Study window test-runs a baseline, and the PATH run commands are found on */
    public MainViewModel(Studies studies, TaskExecutor tasks, Theme theme, StudyDesks desks, String reviewer,
                         SettingsPorts settingsPorts, NewStudyPorts newStudyPorts) {
        this.studies = studies;
        this.newStudyPorts = newStudyPorts;
        this.session = new StudySession(studies, tasks, this::report);
        this.desks = desks;
        this.tasks = tasks;
        this.shownTasks = new ShownTasks(tasks);
        this.theme = new SimpleObjectProperty<>(theme);
        ReadOnlyObjectProperty<Study> study = session.studyProperty();
        ReadOnlyObjectProperty<StudyStatus> status = session.statusProperty();
        studyName = fromStudy(Study::name);
        studyPath = fromStudy(s -> s.dir().toString());
        readOnlyReason = fromStudy(s -> s.readOnlyReason().orElse(""));
        readOnly = Bindings.createBooleanBinding(() -> study.get() != null && study.get().readOnly(), study);
        ideas = new IdeasViewModel(study, status, tasks, desks::inbox);
        review = new ReviewViewModel(study, status, new ReviewQueueViewModel(study, status, tasks, desks::review, reviewer));
        loop = new LoopViewModel(study, tasks, desks::loop, this::refreshStatus, () -> page.set(Page.REVIEW));
        runs = new RunsViewModel(study, status, tasks, desks::runs, desks::runControl, loop.runningProperty());
        analytics = new AnalyticsViewModel(study, status, tasks, desks::analytics);
        lineage = new LineageViewModel(study, status, tasks, desks::analytics, desks::inbox);
        analytics.setOpenIdea(id -> {
            lineage.select(id);
            page.set(Page.LINEAGE);
        });
        settings = new SettingsViewModel(study, status, tasks, settingsPorts);
        title = Bindings.createStringBinding(() -> WindowTitle.of(study.get(), status.get(), loop.stateProperty().get()),
                study, status, loop.stateProperty());
    }

    /** Opens the study in {@code dir} in the background; closes the one open before once it is open. */
    public void openStudy(Path dir) {
        if (mayLeaveStudy()) {
            session.open(dir);
        }
    }

    /** Opens the demo study, creating it on first use (the launcher's choice when no study is given). */
    public void openDemo() {
        if (mayLeaveStudy()) {
            session.openDemo();
        }
    }

    /**
     * A fresh New Study window's state; starts reading the templates it offers. The study it makes opens here, on the
     * Ideas page with its seed prompt.
     */
    public NewStudyWizardViewModel newStudyWizard() {
        session.loadTemplates();
        return new NewStudyWizardViewModel(studies, tasks, newStudyPorts, session.templates(), suggestedFolder(),
                this::openCreated);
    }

    private void openCreated(Study study) {
        if (!mayLeaveStudy()) {
            study.close();
            return;
        }
        page.set(Page.IDEAS);
        ideas.inbox().requestSeedPrompt();
        session.adopt(study);
    }

    /** Re-reads the open study's status. */
    public void refreshStatus() {
        session.refreshStatus();
    }

    /** Re-reads the recent studies (when the Open recent menu opens). */
    public void refreshRecent() {
        session.refreshRecent();
    }

    public ObservableList<Path> recentStudies() {
        return session.recent();
    }

    /** Where choosers start: next to the open study, else the home folder. */
    public Path suggestedFolder() {
        Study study = session.studyProperty().get();
        Path parent = study == null ? null : study.dir().toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(System.getProperty("user.home"));
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** The error the window shows now; {@link #dismissError()} moves on to the next one. */
    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void dismissError() {
        error.set(pendingErrors.poll());
    }

    public ObservableList<BackgroundTask> tasks() {
        return tasks.tasks();
    }

    /** The tasks the status bar lists: those still running after {@link ShownTasks#GRACE}, so quick reads do not flash. */
    ObservableList<BackgroundTask> shownTasks() {
        return shownTasks.shown();
    }

    public ReadOnlyObjectProperty<Study> studyProperty() {
        return session.studyProperty();
    }

    /** The open study's status; null until it has been read. */
    public ReadOnlyObjectProperty<StudyStatus> statusProperty() {
        return session.statusProperty();
    }

    /**
     * How many things wait for the researcher on a page: patches at the patch gate on Review, ideas at the idea gate on
     * Ideas; none elsewhere. Follows the study's status.
     */
    public ObservableValue<Number> waitingOn(Page page) {
        String key = switch (page) {
            case REVIEW -> PatchStatus.PREFLIGHT_OK.wireName();
            case IDEAS -> IdeaStatus.PROPOSED.wireName();
            default -> null;
        };
        ReadOnlyObjectProperty<StudyStatus> status = session.statusProperty();
        return Bindings.createIntegerBinding(() -> key == null || status.get() == null ? 0
                : (key.equals(IdeaStatus.PROPOSED.wireName()) ? status.get().ideas() : status.get().patches())
                        .getOrDefault(key, 0), status);
    }

    /** The window title: the study's name, and whether it is read-only. */
    public StringBinding titleProperty() {
        return title;
    }

    /** The open study's name; empty when none is open. */
    public StringBinding studyNameProperty() {
        return studyName;
    }

    public StringBinding studyPathProperty() {
        return studyPath;
    }

    public BooleanBinding readOnlyProperty() {
        return readOnly;
    }

    /** Why the study is read-only, as a sentence; empty when it is writable. */
    public StringBinding readOnlyReasonProperty() {
        return readOnlyReason;
    }

    public IdeasViewModel ideas() {
        return ideas;
    }

    public ReviewViewModel review() {
        return review;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public AnalyticsViewModel analytics() {
        return analytics;
    }

    public LineageViewModel lineage() {
        return lineage;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    /** Closes the open study now; call when the window closes. Studies still opening are closed when they arrive. */
    public LoopViewModel loop() {
        return loop;
    }

    public void shutdown() {
        loop.stopAndWait(SHUTDOWN_WAIT);
        session.shutdown();
    }

    /**
     * Whether the open study may be closed for another: not while the loop or runs started here still run on it (they
     * write to it until they end); the researcher is told what to do instead.
     */
    private boolean mayLeaveStudy() {
        Study current = session.studyProperty().get();
        if (current == null || !(loop.runningProperty().get() || desks.runsActive(current))) {
            return true;
        }
        report(new UserError("Runs are still running on " + current.name(), "The research loop or runs started on the"
                + " Runs page are still running on " + current.name() + ". Stop or pause the loop (Loop menu), or cancel"
                + " the runs on the Runs page, then open the other study."));
        return false;
    }

    private void report(UserError failure) {
        if (error.get() == null) {
            error.set(failure);
        } else {
            pendingErrors.add(failure);
        }
    }

    private StringBinding fromStudy(Function<Study, String> text) {
        ReadOnlyObjectProperty<Study> study = session.studyProperty();
        return Bindings.createStringBinding(() -> study.get() == null ? "" : text.apply(study.get()), study);
    }
}
