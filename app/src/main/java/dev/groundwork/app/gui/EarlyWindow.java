package dev.groundwork.app.gui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * The window's first frame, shown before the composition root is built: when the command line opens the window, Main
 * starts JavaFX and shows this skeleton (the window at its size, an empty sidebar, "Opening the study…") first, and
 * the workbench then fills the same stage. The researcher sees the window about as soon as a bare JavaFX window would
 * appear (docs/performance.md, first window), instead of after the wiring, the logging set-up and the six pages.
 */
public final class EarlyWindow {

    /** The window's size, shared with {@link GuiLauncher} so the skeleton and the workbench are the same window. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 820;

    private final CompletableFuture<Stage> stage;
    private final RuntimeException failure;
    private final Optional<FirstPaintProbe> probe;

    private EarlyWindow(CompletableFuture<Stage> stage, RuntimeException failure, Optional<FirstPaintProbe> probe) {
        this.stage = stage;
        this.failure = failure;
        this.probe = probe;
    }

    /** No early window: the launcher starts JavaFX itself (the CLI, tests). */
    public static EarlyWindow none() {
        return new EarlyWindow(null, null, Optional.empty());
    }

    /**
     * Shows the skeleton when {@code args} open the window and there is a display to open it on; otherwise nothing
     * starts, and the gui command says what is wrong as before.
     *
     * @param osName        {@code os.name}
     * @param glassPlatform {@code glass.platform}, null when not set
     */
    public static EarlyWindow open(List<String> args, Map<String, String> env, String osName, String glassPlatform) {
        DisplayCheck display = new DisplayCheck(env, osName, glassPlatform);
        Optional<FirstPaintProbe> probe = FirstPaintProbe.from(env);
        if (!opensWindow(args) || !display.available()) {
            return new EarlyWindow(null, null, probe);
        }
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        try {
            Platform.startup(() -> {
                Stage skeleton = showSkeleton();
                probe.ifPresent(watching -> watching.markFirstPaint(skeleton));
                shown.complete(skeleton);
            });
        } catch (UnsupportedOperationException e) {
            return new EarlyWindow(null, e, probe); // a display that cannot be opened: the gui command reports it
        }
        return new EarlyWindow(shown, null, probe);
    }

    /** Whether picocli will run the gui command for these arguments (and not its help). */
    static boolean opensWindow(List<String> args) {
        List<String> rest = args.stream().filter(arg -> !arg.equals("--debug")).toList();
        if (rest.isEmpty()) {
            return true;
        }
        return rest.getFirst().equals("gui")
                && rest.stream().noneMatch(arg -> List.of("-h", "--help", "-V", "--version").contains(arg));
    }

    /** The shown skeleton, when JavaFX has been started for it. */
    Optional<CompletableFuture<Stage>> stage() {
        return Optional.ofNullable(stage);
    }

    /** The first-window benchmark's probe, when GROUNDWORK_FIRST_PAINT_FILE asks for it. */
    Optional<FirstPaintProbe> probe() {
        return probe;
    }

    /** Why JavaFX could not start on the display, when it could not. */
    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    private static Stage showSkeleton() {
        Region sidebar = new Region();
        sidebar.setPrefWidth(200);
        sidebar.setStyle("-fx-background-color: #eceff3;");
        Label opening = new Label("Opening the study…");
        opening.setStyle("-fx-text-fill: #5b6470; -fx-font-size: 14px;");
        BorderPane root = new BorderPane(opening, null, null, null, sidebar);
        root.setPadding(Insets.EMPTY);
        root.setStyle("-fx-background-color: #f7f8fa;");
        Stage stage = new Stage();
        stage.setTitle("Groundwork");
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.show();
        return stage;
    }
}
