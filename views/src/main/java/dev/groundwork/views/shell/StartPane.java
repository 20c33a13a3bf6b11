package dev.groundwork.views.shell;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** What the window shows while no study is open: make one from your own code (or a template), or open one. */
final class StartPane {

    private final VBox root = new VBox(14);

    StartPane(MainViewModel vm, Runnable newStudy, Runnable openStudy) {
        Label title = new Label("No study is open");
        title.getStyleClass().add("page-title");
        Label text = new Label("A study is a folder: your training code as its baseline, the ideas tried on it, their"
                + " patches, runs and rewards. Make one from the code you train with, or open one you made before.");
        text.getStyleClass().add("page-description");
        text.setWrapText(true);
        text.setMaxWidth(560);
        Button create = new Button("New study from your code…");
        create.setId("start-new");
        create.setDefaultButton(true);
        create.setOnAction(event -> newStudy.run());
        Button open = new Button("Open a study…");
        open.setId("start-open");
        open.setOnAction(event -> openStudy.run());
        HBox buttons = new HBox(10, create, open);
        buttons.setAlignment(Pos.CENTER);
        root.getChildren().addAll(title, text, buttons);
        root.setAlignment(Pos.CENTER);
        root.setId("start-pane");
        root.getStyleClass().add("start-pane");
        root.visibleProperty().bind(vm.studyProperty().isNull());
    }

    Parent root() {
        return root;
    }
}
