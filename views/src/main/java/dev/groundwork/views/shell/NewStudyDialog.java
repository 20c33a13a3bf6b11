package dev.groundwork.views.shell;

import dev.groundwork.model.study.TemplateInfo;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.common.ThemeStylesheets;
import java.io.File;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The New study dialog: binds its fields to a {@link NewStudyViewModel}. */
final class NewStudyDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    NewStudyDialog(NewStudyViewModel form, Window owner, Theme theme) {
        TextField location = new TextField();
        location.setId("new-study-location");
        location.textProperty().bindBidirectional(form.locationProperty());
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> chooseLocation(form, owner));

        TextField name = new TextField();
        name.setId("new-study-name");
        name.setPromptText("my-study");
        name.textProperty().bindBidirectional(form.nameProperty());

        ComboBox<TemplateInfo> template = new ComboBox<>(form.templates());
        template.setId("new-study-template");
        template.valueProperty().bindBidirectional(form.templateProperty());
        template.setCellFactory(list -> new TemplateCell());
        template.setButtonCell(new TemplateCell());
        template.setMaxWidth(Double.MAX_VALUE);

        Label hint = new Label();
        hint.getStyleClass().add("form-hint");
        hint.textProperty().bind(form.hintProperty());
        hint.setWrapText(true);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.addRow(0, new Label("Location"), location, choose);
        grid.addRow(1, new Label("Folder name"), name);
        grid.addRow(2, new Label("Template"), template);
        grid.add(hint, 0, 3, 3, 1);
        GridPane.setHgrow(location, Priority.ALWAYS);
        GridPane.setColumnSpan(name, 2);
        GridPane.setColumnSpan(template, 2);

        dialog.initOwner(owner);
        dialog.setTitle("New study");
        dialog.setHeaderText("Create a study from a template");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(form.validProperty().not());
        ThemeStylesheets.apply(dialog.getDialogPane(), theme);
        name.requestFocus();
    }

    /** Shows the dialog and waits; true when the user pressed OK on a valid form. */
    boolean showAndWait() {
        Optional<ButtonType> pressed = dialog.showAndWait();
        return pressed.isPresent() && pressed.get() == ButtonType.OK;
    }

    private static void chooseLocation(NewStudyViewModel form, Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Where to create the study");
        File start = new File(form.locationProperty().get());
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            form.locationProperty().set(chosen.getPath());
        }
    }

    private static final class TemplateCell extends ListCell<TemplateInfo> {
        @Override
        protected void updateItem(TemplateInfo item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + " — " + item.description());
        }
    }
}
