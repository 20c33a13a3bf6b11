package dev.groundwork.app.gui;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.app.loop.TestAssemblies;
import dev.groundwork.model.settings.HostBook;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.runners.hosts.HostTargets;
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.Theme;
import dev.groundwork.runners.local.LocalProcessTarget;
import dev.groundwork.views.newstudy.NewStudyPorts;
import dev.groundwork.views.settings.SettingsPorts;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real study open in a real window, wired as the app wires it (the reviewer is "ada"): for robot tests of whole
 * flows. Close it before opening the study
 * again to inspect it, since the window holds the study's lock.
 */
final class WindowFixture implements AutoCloseable {

    final MainViewModel vm;
    private final Path home;
    private final SettingsStore settings;
    private final BackgroundTaskExecutor tasks;
    private final WindowDesks desks;
    private final Stage stage;

    /** Opens the study in {@code dir} in a window of the given size and waits until its status has been read. */
    WindowFixture(Path home, Path dir, double width, double height) throws Exception {
        this(home, Optional.of(dir), width, height);
    }

    /** A window with no study open (the start screen), or with {@code dir}'s study once its status has been read. */
    WindowFixture(Path home, Optional<Path> dir, double width, double height) throws Exception {
        this.home = home;
        Path settingsFile = home.resolve("settings.json");
        settings = new SettingsStore(settingsFile);
        tasks = new BackgroundTaskExecutor(new FxUiThread());
        GpuProbe gpus = new GpuProbe("nvidia-smi");
        LoopAssembly loops = TestAssemblies.local(settingsFile.getParent(), gpus);
        desks = new WindowDesks(loops, Clock.systemUTC());
        SettingsPorts ports = new SettingsPorts(new WindowLlmProviders(settings, settingsFile, Map.of(), loops.llm()),
                new WindowHosts(gpus, new HostBook(settings), new HostTargets(gpus, System.getenv()), desks::drain));
        vm = new MainViewModel(library(), tasks, Theme.LIGHT, desks, "ada", ports,
                new NewStudyPorts(Optional.of(LocalProcessTarget.cpu("local", 1)), System.getenv("PATH")));
        stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage window = new Stage();
            new MainView(vm).install(window, width, height);
            window.show();
            dir.ifPresent(vm::openStudy);
            return window;
        }).get();
        if (dir.isPresent()) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.statusProperty().get() != null);
        }
    }

    private StudyLibrary library() {
        return new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, new CliRunner(home).dirs(),
                Clock.systemUTC());
    }

    /** Closes the window as a researcher would: the page's runs stopped, the study closed, the tasks cancelled. */
    @Override
    public void close() throws Exception {
        desks.close(); // while the study is open, so that the page's own runs are recorded as interrupted
        WaitForAsyncUtils.asyncFx(stage::close).get(); // which shuts the view model down and closes the study
        WaitForAsyncUtils.asyncFx(tasks::close).get();
        settings.close();
    }
}
