package dev.groundwork.views.ideas;

import dev.groundwork.model.search.IdeaGeneration;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** "How many ideas", typed: a whole number from 1 to {@value IdeaGeneration#MAX_COUNT}, checked as it is typed. */
public final class IdeaCount {

    private final StringProperty text;
    private final StringBinding error;
    private final BooleanBinding valid;

    IdeaCount(int initial) {
        text = new SimpleStringProperty(String.valueOf(initial));
        error = Bindings.createStringBinding(() -> problem(text.get()), text);
        valid = Bindings.createBooleanBinding(() -> error.get().isEmpty(), error);
    }

    static String problem(String typed) {
        String range = "1 to " + IdeaGeneration.MAX_COUNT;
        if (typed == null || typed.isBlank()) {
            return "Say how many ideas: " + range + ".";
        }
        try {
            int count = Integer.parseInt(typed.strip());
            return count >= 1 && count <= IdeaGeneration.MAX_COUNT ? "" : "Ask for " + range + " ideas at a time.";
        } catch (NumberFormatException e) {
            return "How many is a whole number, " + range + ".";
        }
    }

    /** The number typed; call only while {@link #valid()}. */
    public int value() {
        return Integer.parseInt(text.get().strip());
    }

    public StringProperty textProperty() {
        return text;
    }

    /** What is wrong with the number typed; empty when nothing is. */
    public StringBinding errorProperty() {
        return error;
    }

    public BooleanBinding valid() {
        return valid;
    }
}
