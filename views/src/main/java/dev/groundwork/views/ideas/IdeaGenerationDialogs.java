package dev.groundwork.views.ideas;

import dev.groundwork.model.agent.IdeationRequest.Mode;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Generate ideas and Breed dialogs: how many (1–50, checked as typed), explore or exploit, which ideator answers,
 * where the ideas go; Breed lists the parents and says why they cannot be bred from, if so. The request starts when the
 * dialog closes with its button; progress and cancel are then on the page and in the status bar.
 */
public final class IdeaGenerationDialogs {

    private final IdeaGenerationViewModel vm;

    public IdeaGenerationDialogs(IdeaGenerationViewModel vm) {
        this.vm = vm;
    }

    void openGenerate(Scene owner) {
        vm.prepare();
        ButtonType generate = new ButtonType("Generate", ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(owner, "Generate ideas", "Ask the study's ideator for new ideas.", generate,
                "generate-dialog");
        List<Runnable> unbind = new ArrayList<>();

        TextField count = countField(vm.generateCount(), "generate-count", unbind);
        ToggleGroup modes = new ToggleGroup();
        RadioButton explore = new RadioButton("Explore: new directions the study has not tried yet.");
        explore.setId("generate-explore");
        explore.setUserData(Mode.EXPLORE);
        RadioButton exploit = new RadioButton();
        exploit.setId("generate-exploit");
        exploit.setUserData(Mode.EXPLOIT);
        exploit.textProperty().bind(vm.exploitTextProperty());
        exploit.disableProperty().bind(vm.exploitPossibleProperty().not());
        for (RadioButton choice : List.of(explore, exploit)) {
            choice.setWrapText(true);
            choice.setMaxWidth(460);
        }
        explore.setToggleGroup(modes);
        exploit.setToggleGroup(modes);
        modes.selectToggle(vm.modeProperty().get() == Mode.EXPLOIT ? exploit : explore);
        modes.selectedToggleProperty().addListener((property, old, toggle) -> {
            if (toggle != null) {
                vm.modeProperty().set((Mode) toggle.getUserData());
            }
        });
        ChangeListener<Mode> follow = (property, old, mode) -> modes.selectToggle(mode == Mode.EXPLOIT ? exploit : explore);
        vm.modeProperty().addListener(follow);
        unbind.add(() -> vm.modeProperty().removeListener(follow));

        GridPane grid = grid();
        grid.addRow(0, label("Ideator"), value(vm.ideatorTextProperty(), "generate-ideator"));
        grid.addRow(1, label("How many"), count);
        grid.add(error(vm.generateCount().errorProperty(), "generate-count-error"), 1, 2);
        grid.addRow(3, label("Mode"), new VBox(6, explore, exploit));
        grid.add(note(vm.destinationTextProperty(), "generate-destination"), 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        finish(dialog, generate, "generate-ok", vm.generateCount().valid(), vm::generate, unbind);
        dialog.show();
        count.requestFocus();
    }

    public void openBreed(Scene owner) {
        vm.prepare();
        ButtonType breed = new ButtonType("Breed", ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(owner, "Breed ideas",
                "Breed new ideas from the ones you chose: the ideator combines and refines exactly these.", breed,
                "breed-dialog");
        List<Runnable> unbind = new ArrayList<>();
        TextField count = countField(vm.breedCount(), "breed-count", unbind);

        GridPane grid = grid();
        grid.addRow(0, label("Parents"), value(vm.parentsTextProperty(), "breed-parents"));
        grid.add(shownWhenSet(note(vm.breedHintProperty(), "breed-hint")), 1, 1);
        grid.addRow(2, label("Ideator"), value(vm.ideatorTextProperty(), "breed-ideator"));
        grid.addRow(3, label("How many"), count);
        grid.add(error(vm.breedCount().errorProperty(), "breed-count-error"), 1, 4);
        grid.add(error(vm.breedProblemProperty(), "breed-problem"), 0, 5, 2, 1);
        grid.add(note(vm.destinationTextProperty(), "breed-destination"), 0, 6, 2, 1);
        dialog.getDialogPane().setContent(grid);
        finish(dialog, breed, "breed-ok",
                Bindings.createBooleanBinding(() -> vm.breedCount().valid().get() && vm.breedProblemProperty().get().isEmpty(),
                        vm.breedCount().valid(), vm.breedProblemProperty()),
                vm::breed, unbind);
        dialog.show();
        count.requestFocus();
    }

    private static Dialog<ButtonType> dialog(Scene owner, String title, String header, ButtonType ok, String id) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        if (owner != null) {
            dialog.initOwner(owner.getWindow());
            dialog.getDialogPane().getStylesheets().setAll(owner.getRoot().getStylesheets());
        }
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setId(id);
        return dialog;
    }

    private static void finish(Dialog<ButtonType> dialog, ButtonType ok, String okId,
                               ObservableValue<Boolean> valid, Runnable send, List<Runnable> unbind) {
        Node button = dialog.getDialogPane().lookupButton(ok);
        button.setId(okId);
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !valid.getValue(), valid));
        dialog.setOnHidden(event -> {
            button.disableProperty().unbind();
            unbind.forEach(Runnable::run);
            if (dialog.getResult() == ok) {
                send.run();
            }
        });
    }

    private static TextField countField(IdeaCount count, String id, List<Runnable> unbind) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(4);
        field.setMaxWidth(80);
        field.textProperty().bindBidirectional(count.textProperty());
        unbind.add(() -> field.textProperty().unbindBidirectional(count.textProperty()));
        return field;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane(12, 8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        grid.setPrefWidth(560);
        return grid;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-label");
        label.setMinWidth(Region.USE_PREF_SIZE); // never "…": the values wrap instead
        return label;
    }

    private static Label value(ObservableValue<String> text, String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.setMinHeight(Region.USE_PREF_SIZE); // wrapped lines make the dialog taller instead of ending in "…"
        return label;
    }

    private static Label note(ObservableValue<String> text, String id) {
        Label label = value(text, id);
        label.getStyleClass().add("fact-detail");
        label.setMaxWidth(500);
        return label;
    }

    private static Label error(ObservableValue<String> message, String id) {
        Label label = value(message, id);
        label.getStyleClass().add("form-error");
        return shownWhenSet(label);
    }

    private static Label shownWhenSet(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
