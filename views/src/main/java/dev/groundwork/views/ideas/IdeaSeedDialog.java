package dev.groundwork.views.ideas;

import dev.groundwork.model.inbox.IdeatorSource;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * Seed idea…: the researcher's own idea (title with the ideator's suggestions, text, parents, an optional diff), each
 * field checked as it is typed by the view model's {@link IdeaSeedForm}.
 */
final class IdeaSeedDialog {

    private IdeaSeedDialog() {}

    /** A form's field name, never cut short. */
    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Opens the dialog over {@code scene}'s window (none in a test without one); Seed stores the idea. */
    static void open(IdeasInboxViewModel vm, Scene scene) {
        IdeaSeedForm form = vm.seedForm();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Seed idea");
        dialog.setHeaderText("Seed an idea of your own: it is approved at once, in the current epoch.");
        if (scene != null) {
            dialog.initOwner(scene.getWindow());
            dialog.getDialogPane().getStylesheets().setAll(scene.getRoot().getStylesheets());
        }
        ButtonType seedType = new ButtonType("Seed", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(seedType, ButtonType.CANCEL);
        dialog.getDialogPane().setId("seed-dialog");

        TextField title = new TextField();
        title.setId("seed-title");
        title.setPromptText("e.g. Cosine learning-rate schedule");
        title.textProperty().bindBidirectional(form.titleProperty());
        vm.loadSeedSuggestions();
        AutoCompletionBinding<IdeatorSource.Suggestion> completion = TextFields.bindAutoCompletion(title,
                request -> vm.seedSuggestions(request.getUserText()), new StringConverter<>() {
                    @Override
                    public String toString(IdeatorSource.Suggestion suggestion) {
                        return suggestion.title();
                    }

                    @Override
                    public IdeatorSource.Suggestion fromString(String text) {
                        return null;
                    }
                });
        Label hint = new Label();
        hint.setId("seed-hint");
        hint.getStyleClass().add("fact-detail");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.seedHintProperty());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.setMaxWidth(540);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        TextArea text = new TextArea();
        text.setId("seed-text");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        text.setPromptText("What to try and why");
        text.textProperty().bindBidirectional(form.textProperty());
        // Picking a suggestion brings its text along, unless the researcher wrote their own.
        completion.setOnAutoCompleted(event -> {
            if (form.textProperty().get() == null || form.textProperty().get().isBlank()) {
                form.textProperty().set(event.getCompletion().text());
            }
        });
        TextField parents = new TextField();
        parents.setId("seed-parents");
        parents.setPromptText("e.g. 12, 15 (optional)");
        parents.textProperty().bindBidirectional(form.parentsProperty());
        TextArea diff = new TextArea();
        diff.setId("seed-diff");
        diff.getStyleClass().add("seed-diff");
        diff.setPrefRowCount(8);
        diff.setPromptText("A unified diff against the baseline (optional): it must apply, else nothing is stored");
        diff.textProperty().bindBidirectional(form.diffProperty());

        GridPane grid = new GridPane(10, 6);
        grid.add(hint, 0, 6, 2, 1);
        grid.addRow(0, fieldLabel("Title"), title);
        grid.add(error(form.titleErrorProperty(), "seed-title-error"), 1, 1);
        grid.addRow(2, fieldLabel("Text"), text);
        grid.addRow(3, fieldLabel("Parents"), parents);
        grid.add(error(form.parentsErrorProperty(), "seed-parents-error"), 1, 4);
        grid.addRow(5, fieldLabel("Diff"), diff);
        GridPane.setHgrow(title, Priority.ALWAYS);
        grid.setPrefWidth(560);
        dialog.getDialogPane().setContent(grid);
        Node ok = dialog.getDialogPane().lookupButton(seedType);
        ok.setId("seed-ok");
        ok.disableProperty().bind(form.valid().not());
        dialog.setOnHidden(event -> {
            if (dialog.getResult() == seedType) {
                vm.seed();
            }
            title.textProperty().unbindBidirectional(form.titleProperty());
            text.textProperty().unbindBidirectional(form.textProperty());
            parents.textProperty().unbindBidirectional(form.parentsProperty());
            diff.textProperty().unbindBidirectional(form.diffProperty());
            ok.disableProperty().unbind();
            completion.dispose();
        });
        dialog.setOnShown(event -> title.requestFocus()); // typing starts the idea's title
        dialog.show();
    }

    private static Label error(ObservableValue<String> message, String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("form-error");
        label.textProperty().bind(message);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !message.getValue().isEmpty(), message));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
