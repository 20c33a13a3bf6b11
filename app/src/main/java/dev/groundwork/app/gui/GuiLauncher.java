package dev.groundwork.app.gui;

import dev.groundwork.app.cli.GuiCommand;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.Studies;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.newstudy.NewStudyPorts;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.settings.SettingsPorts;
import dev.groundwork.views.shell.MainViewModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.stage.Stage;

/**
 * Starts JavaFX without an {@code Application} subclass ({@link Platform#startup}), so the window's objects are built
 * here with constructor injection instead of being handed over through statics. Returns when the window is closed.
 */
public final class GuiLauncher implements GuiCommand.Launcher {

    private final Studies studies;
    private final SettingsStore settings;
    private final WindowDesks reviews;
    private final SettingsPorts settingsPorts;
    private final DisplayCheck display;
    private final NewStudyPorts newStudy;
    private final EarlyWindow early;

    /**
     * @param newStudy where the New Study window test-runs a baseline
     * @param env      the environment the window opens in (whether it has a display)
     * @param early    the skeleton window Main showed before the composition was built, if it did, and the
     *                 first-window benchmark's probe (GROUNDWORK_FIRST_PAINT_FILE)
     */
    public GuiLauncher(Studies studies, SettingsStore settings, WindowDesks reviews, SettingsPorts settingsPorts,
                       NewStudyPorts newStudy, Map<String, String> env, EarlyWindow early) {
        this.newStudy = newStudy;
        this.studies = studies;
        this.settings = settings;
        this.reviews = reviews;
        this.settingsPorts = settingsPorts;
        this.display = new DisplayCheck(env, System.getProperty("os.name"), System.getProperty("glass.platform"));
        this.early = early;
    }

    @Override
    public int launch(Optional<Path> study) throws InterruptedException {
        display.require(study);
        CountDownLatch closed = new CountDownLatch(1);
        if (early.failure().isPresent()) {
            // Before any other Platform call: after a failed start-up they wait for a toolkit that never starts.
            throw display.unusable(study, early.failure().get());
        }
        Platform.setImplicitExit(true);
        if (early.stage().isPresent()) {
            // Queued after the skeleton's own start-up task, so its stage is shown by the time this runs.
            CompletableFuture<Stage> skeleton = early.stage().get();
            Platform.runLater(() -> open(skeleton.join(), study, closed));
        } else {
            try {
                Platform.startup(() -> open(new Stage(), study, closed));
            } catch (UnsupportedOperationException e) {
                throw display.unusable(study, e); // a DISPLAY that names no server JavaFX can reach
            }
        }
        closed.await();
        Platform.exit();
        return 0;
    }

    /** Fills {@code stage} (new, or the skeleton already on screen) with the workbench, shows it, opens the study. */
    private void open(Stage stage, Optional<Path> study, CountDownLatch closed) {
        BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(new FxUiThread());
        Theme theme = "dark".equals(settings.get().theme()) ? Theme.DARK : Theme.LIGHT;
        MainViewModel viewModel = new MainViewModel(studies, tasks, theme, reviews, WindowDesks.reviewer(), settingsPorts,
                newStudy);
        viewModel.themeProperty().addListener((property, old, now) ->
                settings.update(current -> current.withTheme(now == Theme.DARK ? "dark" : "light")));
        // The Review page's list of patches, hidden or not, like the theme, is remembered across sessions.
        BooleanProperty reviewQueueHidden = viewModel.review().queue().queueHiddenProperty();
        reviewQueueHidden.set(settings.get().reviewQueueHidden());
        reviewQueueHidden.addListener((property, old, now) ->
                settings.update(current -> current.withReviewQueueHidden(now)));
        MainView view = new MainView(viewModel);
        view.install(stage, EarlyWindow.WIDTH, EarlyWindow.HEIGHT);
        stage.setOnHiding(event -> {
            reviews.close(); // the Runs page's own runs, while the study is still open to record them
            tasks.close();
            closed.countDown();
        });
        stage.show();
        early.probe().ifPresent(probe -> probe.watch(stage, viewModel.studyProperty()));
        StudyAtRest.install(viewModel, view, tasks);
        study.ifPresentOrElse(viewModel::openStudy, viewModel::openDemo);
    }
}
