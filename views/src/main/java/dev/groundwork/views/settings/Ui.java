package dev.groundwork.views.settings;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/** Small pieces the Settings page's sections share. */
final class Ui {

    private Ui() {}

    static <T extends Node> T styled(T node, String... styleClasses) {
        node.getStyleClass().addAll(styleClasses);
        return node;
    }

    /** A wrapped label showing {@code text}, taking no room while it is empty. */
    static Label note(ObservableStringValue text, String styleClass) {
        Label label = styled(new Label(), styleClass);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A sentence that reads as an error or a success as {@code error} says. */
    static Label outcome(ObservableStringValue text, ObservableBooleanValue error) {
        Label label = note(text, "settings-outcome");
        error.addListener((property, old, now) -> mark(label, now));
        mark(label, error.get());
        return label;
    }

    private static void mark(Label label, boolean error) {
        label.getStyleClass().removeAll("form-error", "settings-ok");
        label.getStyleClass().add(error ? "form-error" : "settings-ok");
    }

    /** Marks {@code node} invalid (a red border) while {@code error} is not empty. */
    static void flagInvalid(Node node, ObservableStringValue error) {
        Runnable update = () -> {
            node.getStyleClass().remove("invalid");
            if (!error.get().isEmpty()) {
                node.getStyleClass().add("invalid");
            }
        };
        error.addListener((property, old, now) -> update.run());
        update.run();
    }

    /** A disabled control shows no tooltip of its own, so the tooltip goes on a wrapper around it. */
    static StackPane withTooltip(Node node, String text) {
        StackPane wrapper = new StackPane(node);
        wrapper.getStyleClass().add("settings-tooltip-wrapper");
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        Tooltip.install(wrapper, tooltip);
        return wrapper;
    }
}
