package dev.groundwork.views.ideas;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Rating;

/** The selected idea beside the Ideas table: its title, facts, text, parents and prompt, and the researcher's notes and score. */
final class IdeaDetailPane {

    private final VBox root;
    private final TextArea notes = new TextArea();

    IdeaDetailPane(IdeasInboxViewModel vm) {
        IdeaDetailViewModel detail = vm.detail();
        Label title = new Label();
        title.getStyleClass().add("idea-detail-title");
        title.setWrapText(true);
        title.textProperty().bind(detail.titleProperty());
        Label facts = new Label();
        facts.getStyleClass().add("fact-detail");
        facts.setWrapText(true);
        facts.textProperty().bind(detail.factsProperty());
        // The idea's text at its full height, wrapped to the pane's width: the pane scrolls, not a box of four lines.
        Label text = new Label();
        text.setId("idea-text");
        text.getStyleClass().add("idea-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(detail.textProperty());
        MenuItem copy = new MenuItem("Copy text");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        text.setContextMenu(new ContextMenu(copy));
        Label parents = new Label();
        parents.getStyleClass().add("fact-detail");
        parents.setWrapText(true);
        parents.textProperty().bind(detail.parentsProperty());

        TextArea prompt = new TextArea();
        prompt.setId("idea-prompt");
        prompt.setEditable(false);
        prompt.setWrapText(true);
        prompt.setPrefRowCount(5);
        prompt.textProperty().bind(vm.promptProperty());
        TitledPane promptPane = new TitledPane("Prompt", prompt);
        promptPane.setExpanded(false);
        promptPane.setAnimated(false);

        notes.setId("idea-notes");
        notes.setWrapText(true);
        notes.setPrefRowCount(3);
        notes.setPromptText("Your notes on this idea");
        notes.textProperty().bindBidirectional(vm.notesProperty());
        notes.editableProperty().bind(vm.canAnnotateProperty());
        Label notesLabel = new Label("Notes");
        notesLabel.getStyleClass().add("fact-label");

        root = new VBox(8, title, facts, text, parents, promptPane, notesLabel, notes, annotate(vm));
        root.setId("idea-detail");
        root.getStyleClass().add("idea-detail");
        root.visibleProperty().bind(vm.selectedProperty().isNotNull());
    }

    VBox node() {
        return root;
    }

    /** Where Enter in the table goes. */
    TextArea notes() {
        return notes;
    }

    /** The score (stars) and Save notes. */
    private static HBox annotate(IdeasInboxViewModel vm) {
        Rating score = new Rating(5, 0);
        score.setMinWidth(Region.USE_PREF_SIZE);
        score.setId("idea-score");
        score.setUpdateOnHover(false);
        score.setPartialRating(false);
        score.setRating(vm.scoreProperty().get() == null ? 0 : vm.scoreProperty().get());
        vm.scoreProperty().addListener((o, old, value) -> score.setRating(value == null ? 0 : value));
        // A click (or the 1–5 keys) scores the idea and saves it; an idea never scored shows no star.
        score.ratingProperty().addListener((o, old, value) -> {
            int stars = (int) Math.round(value.doubleValue());
            if (stars >= 1 && !Integer.valueOf(stars).equals(vm.scoreProperty().get())) {
                vm.score(stars);
            }
        });
        score.disableProperty().bind(vm.canAnnotateProperty().not());
        Tooltip.install(score, new Tooltip("Your score, 1 to 5 (keys 1–5); saved at once"));
        Button save = new Button("Save notes");
        save.setId("idea-save-notes");
        save.disableProperty().bind(vm.canAnnotateProperty().not());
        save.setOnAction(event -> vm.saveNotes());
        Label scoreLabel = new Label("Score");
        scoreLabel.getStyleClass().add("fact-label");
        scoreLabel.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox annotate = new HBox(8, scoreLabel, score, gap, save);
        annotate.setAlignment(Pos.CENTER_LEFT);
        annotate.setMinWidth(0);
        return annotate;
    }
}
