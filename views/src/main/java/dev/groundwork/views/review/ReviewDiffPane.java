package dev.groundwork.views.review;

import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.review.diff.SideBySide;
import dev.groundwork.views.review.diff.SideBySideDiffView;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The selected file side by side, once its rows are aligned (off the FX thread); until then, or when there is nothing to
 * show, a sentence that says why.
 */
final class ReviewDiffPane {

    private final ReviewFilesViewModel files;
    private final ObservableValue<Boolean> editable;
    private final Executor highlighting;
    private final StackPane root = new StackPane();
    private final Label placeholder = new Label();
    private SideBySideDiffView view;
    /** Whether a diff came while the page was not shown: it is built once the page is. */
    private boolean waiting;

    /**
     * @param editable     whether a new diff's right side may be edited
     * @param highlighting where syntax highlighting runs
     */
    ReviewDiffPane(ReviewFilesViewModel files, ObservableValue<Boolean> editable, Executor highlighting) {
        this.files = files;
        this.editable = editable;
        this.highlighting = highlighting;
        root.setId("review-diff");
        placeholder.setId("review-diff-placeholder");
        placeholder.getStyleClass().add("page-description");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(files.placeholderProperty());
        files.diffProperty().addListener((property, old, diff) -> show(diff));
        root.sceneProperty().addListener((property, old, scene) -> {
            if (scene != null && waiting) {
                show(files.diffProperty().get());
            }
        });
        show(files.diffProperty().get());
    }

    Parent root() {
        return root;
    }

    Optional<SideBySideDiffView> view() {
        return Optional.ofNullable(view);
    }

    /** Puts the cursor in the right side, when it can be edited. */
    void focusRight() {
        if (view != null && editable.getValue()) {
            root.lookupAll(".diff-right").stream().findFirst().ifPresent(Node::requestFocus);
        }
    }

    private void show(SideBySide diff) {
        if (diff != null && root.getScene() == null) {
            // The Review page is not shown (the loop moved on while the researcher watches Runs): two code areas built
            // for nobody held the FX thread ~100 ms at every epoch's end.
            waiting = true;
            return;
        }
        waiting = false;
        if (diff == null) {
            view = null;
            root.getChildren().setAll(placeholder);
            return;
        }
        view = new SideBySideDiffView(diff, highlighting, new FxUiThread());
        view.rightEditableProperty().bind(editable);
        root.getChildren().setAll(view.root());
    }
}
