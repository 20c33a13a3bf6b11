package dev.groundwork.views.newstudy;

import dev.groundwork.model.study.TemplateInfo;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Step 1: a folder of code (typed, or chosen with the system's folder chooser) or a bundled template. */
final class SourceStepView {

    private final VBox root = new VBox(10);
    private final TextField path = new TextField();

    SourceStepView(SourceStepViewModel vm, Supplier<Window> window) {
        ToggleGroup kind = new ToggleGroup();
        RadioButton code = new RadioButton("My training code, in a folder or a git repository");
        code.setId("source-code");
        code.setToggleGroup(kind);
        RadioButton template = new RadioButton("A bundled template, to try Groundwork out");
        template.setId("source-template");
        template.setToggleGroup(kind);
        kind.selectToggle(vm.useTemplateProperty().get() ? template : code);
        kind.selectedToggleProperty().addListener((o, old, now) -> vm.useTemplateProperty().set(now == template));

        path.setId("source-path");
        path.setPromptText("/home/you/my-training-code   (a git repository may name a revision: PATH@main)");
        path.textProperty().bindBidirectional(vm.pathProperty());
        Button choose = new Button("Choose…");
        choose.setId("source-choose");
        choose.setOnAction(event -> choose(vm, window.get()));
        HBox pathRow = new HBox(8, path, choose);
        HBox.setHgrow(path, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("source-summary");
        summary.getStyleClass().add("form-hint");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label explain = new Label("Groundwork copies the code into the study's baseline (a git repository of its own),"
                + " leaving out virtual environments, caches, checkpoints and files over 5 MB. Your folder is only"
                + " read.");
        explain.getStyleClass().add("form-hint");
        explain.setWrapText(true);
        VBox codeBox = new VBox(8, pathRow, explain, summary);
        codeBox.getStyleClass().add("wizard-indent");
        codeBox.disableProperty().bind(vm.useTemplateProperty());

        ListView<TemplateInfo> templates = new ListView<>(vm.templates());
        templates.setId("source-templates");
        templates.setPrefHeight(150);
        templates.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TemplateInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + " — " + item.description().strip());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        templates.getSelectionModel().select(vm.templateProperty().get());
        templates.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                vm.templateProperty().set(now);
            }
        });
        vm.templateProperty().addListener((o, old, now) -> templates.getSelectionModel().select(now));
        templates.disableProperty().bind(vm.useTemplateProperty().not());
        VBox templateBox = new VBox(8, templates);
        templateBox.getStyleClass().add("wizard-indent");

        root.getChildren().addAll(code, codeBox, template, templateBox);
    }

    Parent root() {
        return root;
    }

    /** Where the keyboard starts on this step. */
    void focus() {
        path.requestFocus();
    }

    private static void choose(SourceStepViewModel vm, Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("The folder that holds your training code");
        try {
            File start = Path.of(vm.pathProperty().get().strip()).toFile();
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
        } catch (java.nio.file.InvalidPathException ignored) {
            // typed text that is no path: the chooser starts where it likes
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            vm.pathProperty().set(chosen.getPath());
        }
    }
}
