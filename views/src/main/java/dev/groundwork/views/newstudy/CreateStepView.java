package dev.groundwork.views.newstudy;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Step 6: the study's name and the new folder it is made in. */
final class CreateStepView {

    private final GridPane root = new GridPane(10, 8);
    private final TextField name = new TextField();

    CreateStepView(NewStudyWizardViewModel wizard, Supplier<Window> window) {
        CreateStepViewModel vm = wizard.create();
        name.setId("create-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField location = new TextField();
        location.setId("create-location");
        location.textProperty().bindBidirectional(vm.locationProperty());
        Button choose = new Button("Choose…");
        choose.setOnAction(event -> choose(vm, window.get()));
        HBox locationRow = new HBox(8, location, choose);
        HBox.setHgrow(location, Priority.ALWAYS);
        TextField folder = new TextField();
        folder.setId("create-folder");
        folder.textProperty().bindBidirectional(vm.folderNameProperty());
        Label path = new Label();
        path.setId("create-path");
        path.getStyleClass().add("form-hint");
        path.textProperty().bind(Bindings.createStringBinding(() -> vm.folder().map(dir -> "The study's folder will be "
                + dir + "; it holds groundwork.yaml, the baseline's git repository, the database and the runs.")
                .orElse(""), vm.folderNameProperty(), vm.locationProperty()));
        path.setWrapText(true);
        Label failure = new Label();
        failure.setId("create-failure");
        failure.getStyleClass().add("form-error");
        failure.setWrapText(true);
        failure.textProperty().bind(wizard.failureProperty());

        root.addRow(0, label("Name"), name);
        root.addRow(1, label("Location"), locationRow);
        root.addRow(2, label("Folder"), folder);
        root.add(path, 1, 3);
        root.add(failure, 0, 4, 2, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        root.getColumnConstraints().addAll(labels, fields);
    }

    Parent root() {
        return root;
    }

    void focus() {
        name.requestFocus();
        name.end();
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static void choose(CreateStepViewModel vm, Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Where to make the study's folder");
        try {
            File start = Path.of(vm.locationProperty().get().strip()).toFile();
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
        } catch (java.nio.file.InvalidPathException ignored) {
            // typed text that is no path: the chooser starts where it likes
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            vm.locationProperty().set(chosen.getPath());
        }
    }
}
