package dev.groundwork.app.gui;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.study.Studies;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.PngSnapshots;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.settings.SettingsPorts;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.util.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Renders one page of a study to a PNG with no display, on JavaFX's headless platform. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Render a page of a study to a PNG file without a display (JavaFX headless platform).")
public final class SnapshotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--page", defaultValue = "ideas", paramLabel = "PAGE",
            description = "ideas, review, runs, analytics, lineage or settings (default ${DEFAULT-VALUE}).")
    String page;

    @Option(names = "--size", defaultValue = "1280x800", paramLabel = "WxH", description = "Image size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "light|dark", description = "Theme (default ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--select", paramLabel = "IDEA",
            description = "On the lineage page, the idea (its number; 0 for the baseline) whose side panel to show.")
    Long select;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    Path out;

    private final Studies studies;
    private final WindowDesks reviews;
    private final SettingsPorts settingsPorts;
    private final CliPrinter printer;

    public SnapshotCommand(Studies studies, WindowDesks reviews, SettingsPorts settingsPorts, CliPrinter printer) {
        this.studies = studies;
        this.reviews = reviews;
        this.settingsPorts = settingsPorts;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        Page target = parsePage();
        int[] dimensions = parseSize();
        Theme look = "dark".equalsIgnoreCase(theme) ? Theme.DARK : Theme.LIGHT;
        // The headless platform must be chosen before the toolkit starts; a snapshot never needs a display.
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CompletableFuture<Void> rendered = new CompletableFuture<>();
        Platform.startup(() -> {
            BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(new FxUiThread());
            MainViewModel viewModel = new MainViewModel(studies, tasks, look, reviews, WindowDesks.reviewer(), settingsPorts);
            MainView view = new MainView(viewModel);
            Scene scene = new Scene(view.root(), dimensions[0], dimensions[1]);
            viewModel.pageProperty().set(target);
            if (select != null) {
                viewModel.lineage().select(select);
            }
            Runnable render = () -> {
                try {
                    PngSnapshots.write(scene, out);
                    rendered.complete(null);
                } catch (Exception e) {
                    rendered.completeExceptionally(e);
                } finally {
                    viewModel.shutdown();
                    tasks.close();
                }
            };
            viewModel.statusProperty().addListener((property, old, status) -> {
                if (status != null) {
                    whenIdle(tasks, render);
                }
            });
            viewModel.errorProperty().addListener((property, old, error) -> {
                if (error != null) {
                    rendered.completeExceptionally(new UserError(ExitCodes.FAILURE, error.message()));
                    viewModel.shutdown();
                    tasks.close();
                }
            });
            viewModel.openStudy(dir);
        });
        try {
            rendered.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            Platform.exit();
        }
        printer.result("Wrote " + out.toAbsolutePath() + " (" + target.key() + ", " + dimensions[0] + "×" + dimensions[1] + ").");
        return ExitCodes.OK;
    }

    /**
     * Runs {@code action} once no background task is left (a page reads its own data after the study opens), then
     * lets a short pause pass so that layout and highlighting settle.
     */
    private static void whenIdle(BackgroundTaskExecutor tasks, Runnable action) {
        PauseTransition settle = new PauseTransition(Duration.millis(800));
        settle.setOnFinished(event -> {
            if (tasks.tasks().isEmpty()) {
                action.run();
            } else {
                settle.playFromStart();
            }
        });
        settle.play();
    }

    private Page parsePage() {
        return Page.byKey(page).orElseThrow(() -> new UserError(ExitCodes.USAGE, "There is no page '" + page + "'; the pages are "
                        + Arrays.stream(Page.values()).map(Page::key).collect(Collectors.joining(", ")) + "."));
    }

    private int[] parseSize() {
        String[] parts = size.toLowerCase(Locale.ROOT).split("x");
        try {
            int width = Integer.parseInt(parts[0]);
            int height = Integer.parseInt(parts[1]);
            if (parts.length == 2 && width >= 320 && height >= 240 && width <= 4096 && height <= 4096) {
                return new int[] {width, height};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException ignored) {
            // falls through to the sentence below
        }
        throw new UserError(ExitCodes.USAGE, "--size '" + size + "' is not WIDTHxHEIGHT between 320x240 and 4096x4096, e.g."
                + " 1280x800.");
    }
}
