package dev.groundwork.views.ideas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Seed idea form: a title (required), the idea's text, an optional diff of one's own and the parents as ids typed
 * "12, 15". Its messages follow the typing; {@link #valid()} says whether {@link IdeasInboxViewModel#seed()} may go.
 */
public final class IdeaSeedForm {

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty diff = new SimpleStringProperty("");
    private final StringProperty parents = new SimpleStringProperty("");
    private final StringBinding titleError;
    private final StringBinding parentsError;
    private final BooleanBinding valid;

    /**
     * @param knownIds the ids of the study's ideas, read when the parents are checked
     * @param idsChanged fires when those ids change
     */
    IdeaSeedForm(Supplier<? extends Collection<Long>> knownIds, Observable idsChanged) {
        titleError = Bindings.createStringBinding(
                () -> title.get() == null || title.get().isBlank() ? "An idea needs a title." : "", title);
        parentsError = Bindings.createStringBinding(() -> parentsProblem(parents.get(), Set.copyOf(knownIds.get())),
                parents, idsChanged);
        valid = Bindings.createBooleanBinding(() -> titleError.get().isEmpty() && parentsError.get().isEmpty(),
                titleError, parentsError);
    }

    /** The parents typed, as ids; empty when none are typed (or they do not parse). */
    public List<Long> parentIds() {
        return parse(parents.get()).orElse(List.of());
    }

    /** The diff, when one was given. */
    public Optional<String> diffText() {
        String typed = diff.get();
        return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(typed.endsWith("\n") ? typed : typed + "\n");
    }

    /** Empties the form (after a seed was stored). */
    public void clear() {
        title.set("");
        text.set("");
        diff.set("");
        parents.set("");
    }

    static String parentsProblem(String typed, Set<Long> known) {
        Optional<List<Long>> ids = parse(typed);
        if (ids.isEmpty()) {
            return "Parents are idea numbers separated by commas, e.g. 12, 15.";
        }
        List<Long> unknown = ids.get().stream().filter(id -> !known.contains(id)).toList();
        if (unknown.isEmpty()) {
            return "";
        }
        return (unknown.size() == 1 ? "There is no idea " : "There are no ideas ")
                + String.join(", ", unknown.stream().map(String::valueOf).toList()) + ".";
    }

    private static Optional<List<Long>> parse(String typed) {
        List<Long> ids = new ArrayList<>();
        if (typed == null || typed.isBlank()) {
            return Optional.of(ids);
        }
        for (String part : typed.split("[,\\s]+")) {
            String id = part.strip().replaceFirst("^#", "");
            if (id.isEmpty()) {
                continue;
            }
            try {
                long value = Long.parseLong(id);
                if (value <= 0) {
                    return Optional.empty();
                }
                if (!ids.contains(value)) {
                    ids.add(value);
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(ids);
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty diffProperty() {
        return diff;
    }

    public StringProperty parentsProperty() {
        return parents;
    }

    /** "An idea needs a title." while the title is blank; empty otherwise. */
    public StringBinding titleErrorProperty() {
        return titleError;
    }

    /** What is wrong with the parents typed; empty when nothing is. */
    public StringBinding parentsErrorProperty() {
        return parentsError;
    }

    public BooleanBinding valid() {
        return valid;
    }
}
