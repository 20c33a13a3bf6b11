package dev.groundwork.views.ideas;

import dev.groundwork.model.inbox.IdeaInbox;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/**
 * The texts of the Ideas page's detail pane for the selected idea (blank while none is): its number and title, a line
 * of facts (status, epoch, origin, best reward, runs, patch), its text, and what it was bred from.
 */
public final class IdeaDetailViewModel {

    private final StringBinding title;
    private final StringBinding facts;
    private final StringBinding text;
    private final StringBinding parents;

    IdeaDetailViewModel(ObservableValue<IdeaInbox.Row> selected) {
        title = Bindings.createStringBinding(() -> title(selected.getValue()), selected);
        facts = Bindings.createStringBinding(() -> facts(selected.getValue()), selected);
        text = Bindings.createStringBinding(() -> text(selected.getValue()), selected);
        parents = Bindings.createStringBinding(() -> parents(selected.getValue()), selected);
    }

    /** "#12  Cosine schedule". */
    public StringBinding titleProperty() {
        return title;
    }

    /** "approved · epoch 1 · llm-explore · best reward 0.9903 · 2 runs · patch applied". */
    public StringBinding factsProperty() {
        return facts;
    }

    /** The idea's text, or "(no text)". */
    public StringBinding textProperty() {
        return text;
    }

    /** "Bred from 3, 5." or "No parents.". */
    public StringBinding parentsProperty() {
        return parents;
    }

    static String title(IdeaInbox.Row row) {
        return row == null ? "" : "#" + row.idea().id() + "  " + row.idea().title();
    }

    static String facts(IdeaInbox.Row row) {
        if (row == null) {
            return "";
        }
        return row.idea().status().wireName() + " · epoch " + row.idea().epoch() + " · " + row.idea().origin().wireName()
                + (row.bestReward() == null ? "" : " · best reward " + IdeasInboxViewModel.reward(row))
                + " · " + row.runs() + (row.runs() == 1 ? " run" : " runs")
                + (row.patchStatus().isEmpty() ? "" : " · patch " + row.patchStatus());
    }

    static String text(IdeaInbox.Row row) {
        return row == null ? "" : row.idea().text().isBlank() ? "(no text)" : row.idea().text();
    }

    static String parents(IdeaInbox.Row row) {
        return row == null ? "" : row.idea().parents().isEmpty() ? "No parents."
                : "Bred from " + IdeasInboxViewModel.parents(row) + ".";
    }
}
