package dev.groundwork.views.shell;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The status bar's loop controls: run, pause, stop, and what the loop is doing or said last. */
final class LoopControls {

    private final HBox root = new HBox();

    LoopControls(LoopViewModel loop) {
        Button run = button("▶ Run", "loop-run", "Run the loop (Ctrl+R)");
        run.setOnAction(e -> loop.start());
        run.disableProperty().bind(loop.canStartProperty().not());
        Button pause = button("Pause", "loop-pause", "Pause: running runs finish, nothing new starts (Ctrl+Shift+P)");
        pause.setOnAction(e -> loop.pause());
        pause.disableProperty().bind(loop.stateProperty().isNotEqualTo(LoopViewModel.State.RUNNING));
        Button stop = button("■ Stop", "loop-stop", "Stop: cancel the running runs and save (Ctrl+Shift+R)");
        stop.setOnAction(e -> loop.stop());
        stop.disableProperty().bind(loop.runningProperty().not());

        Label message = new Label();
        message.setId("status-loop");
        message.getStyleClass().add("status-loop");
        message.textProperty().bind(loop.messageProperty());
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(loop.messageProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(520);
        message.setTooltip(whole);
        // A long sentence gives way (ellipsis, the whole of it in the tooltip); the buttons never do.
        message.setMinWidth(40);
        message.setTextOverrun(OverrunStyle.ELLIPSIS);
        HBox.setHgrow(message, Priority.SOMETIMES);

        root.setId("loop-controls");
        root.getStyleClass().add("loop-controls");
        root.getChildren().addAll(run, pause, stop, message);
    }

    Parent root() {
        return root;
    }

    private static Button button(String glyph, String id, String tip) {
        Button button = new Button(glyph);
        button.setId(id);
        button.getStyleClass().add("loop-button");
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
