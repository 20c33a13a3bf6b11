package dev.groundwork.views.settings;

import dev.groundwork.model.spec.GatesSpec.Gate;
import dev.groundwork.model.spec.RunSpec;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/** The study's section: gates, budgets and search in three cards, then Revert and Save with the outcome. */
final class SpecFormView {

    private final VBox root = new VBox();

    SpecFormView(SettingsViewModel vm) {
        SpecForm form = vm.spec();
        VBox gates = card("Gates", "auto lets the loop go on; manual waits for you.",
                gate("Ideas", "wait for you before an idea is implemented", form.ideaGateProperty(), "gate-idea"),
                gate("Patches", "wait for you before a patch runs", form.patchGateProperty(), "gate-patch"),
                gate("Launches", "wait for you before a run starts", form.launchGateProperty(), "gate-launch"));
        VBox budgets = card("Budgets", "The loop stops once one is spent; empty is no limit.",
                number("LLM spend, $", form.llmUsd(), "no limit", vm.llmSpentProperty(), "budget-llm-usd"),
                number("GPU hours", form.gpuHours(), "no limit", vm.gpuSpentProperty(), "budget-gpu-hours"));
        VBox search = card("Search", "How long the search runs and how much at once.",
                number("Epochs", form.epochs(), "", null, "search-epochs"),
                number("Ideas per epoch", form.ideasPerEpoch(), "", null, "search-ideas-per-epoch"),
                number("Runs at once", form.concurrency(), "", null, "search-concurrency"),
                target(form));

        FlowPane cards = Ui.styled(new FlowPane(gates, budgets, search), "settings-cards");
        cards.disableProperty().bind(form.unavailableProperty().isNotEmpty());

        Button revert = new Button("Revert");
        revert.setId("settings-spec-revert");
        revert.disableProperty().bind(Bindings.createBooleanBinding(() -> !form.changedProperty().get()
                && form.validProperty().get(), form.changedProperty(), form.validProperty())
                .or(form.unavailableProperty().isNotEmpty()));
        revert.setOnAction(event -> form.revert());
        Button save = new Button("Save");
        save.setId("settings-spec-save");
        save.getStyleClass().add("settings-primary");
        save.disableProperty().bind(form.canSaveProperty().not());
        save.setOnAction(event -> form.save());
        Label hint = Ui.styled(new Label(SettingsView.SAVE.getDisplayText()), "settings-hint");
        HBox actions = new HBox(8, save, revert, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("settings-actions");

        Label unavailable = Ui.note(form.unavailableProperty(), "settings-unavailable");
        unavailable.setId("settings-spec-unavailable");
        Label outcome = Ui.outcome(form.messageProperty(), form.messageIsErrorProperty());
        outcome.setId("settings-spec-message");
        root.getChildren().addAll(unavailable, cards, actions, outcome);
        root.setSpacing(10);
    }

    Parent root() {
        return root;
    }

    private static VBox card(String title, String note, Node... settings) {
        Label heading = Ui.styled(new Label(title), "settings-card-title");
        Label explanation = Ui.styled(new Label(note), "settings-hint");
        explanation.setWrapText(true);
        VBox card = Ui.styled(new VBox(heading, explanation), "settings-card", "settings-study-card");
        card.getChildren().addAll(settings);
        return card;
    }

    /** "Ideas  [auto|manual]" with what manual means under it. */
    private static Node gate(String label, String meaning, ObjectProperty<Gate> gate, String id) {
        return twoWay(label, Ui.styled(new Label(meaning), "settings-hint"), gate, Gate.AUTO, "auto", Gate.MANUAL,
                "manual", id);
    }

    /** "Runs on  [this machine|Docker]" with where that is (or why it cannot be) under it. */
    private static Node target(SpecForm form) {
        Label where = Ui.note(form.targetNoteProperty(), "settings-hint");
        where.setId("run-target-note");
        Runnable flag = () -> where.getStyleClass().setAll(form.targetInvalidProperty().get()
                ? List.of("label", "form-error") : List.of("label", "settings-hint"));
        form.targetInvalidProperty().addListener((property, old, now) -> flag.run());
        flag.run();
        return twoWay("Runs on", where, form.targetProperty(), RunSpec.Target.LOCAL, "this machine",
                RunSpec.Target.DOCKER, "Docker", "run-target");
    }

    /** Two segments bound to {@code value}, one of them always chosen. */
    private static <T> Node twoWay(String label, Label below, ObjectProperty<T> value, T first, String firstText,
                                   T second, String secondText, String id) {
        ToggleButton one = new Choice(firstText);
        ToggleButton other = new Choice(secondText);
        SegmentedButton choice = new SegmentedButton(one, other);
        choice.setId(id);
        choice.setMinWidth(Region.USE_PREF_SIZE);
        Runnable show = () -> {
            one.setSelected(value.get() == first);
            other.setSelected(value.get() == second);
        };
        value.addListener((property, old, now) -> show.run());
        one.selectedProperty().addListener((property, old, now) -> {
            if (now) {
                value.set(first);
            }
        });
        other.selectedProperty().addListener((property, old, now) -> {
            if (now) {
                value.set(second);
            }
        });
        show.run();
        return setting(label, choice, below);
    }

    /** A number field with its error sentence under it, and what is spent beside a budget's name. */
    private static Node number(String label, NumberField field, String prompt, ObservableStringValue aside, String id) {
        TextField input = new TextField();
        input.setId(id);
        input.setPromptText(prompt);
        input.setPrefColumnCount(6);
        input.setMinWidth(Region.USE_PREF_SIZE);
        input.textProperty().bindBidirectional(field.textProperty());
        Ui.flagInvalid(input, field.errorProperty());
        Label error = Ui.note(field.errorProperty(), "form-error");
        error.setId(id + "-error");
        Node setting = setting(label, input, error);
        if (aside != null) {
            ((VBox) setting).getChildren().add(Ui.note(aside, "settings-hint"));
        }
        return setting;
    }

    /** A segment that a click chooses but never unchooses, so one of the two is always chosen. */
    private static final class Choice extends ToggleButton {

        Choice(String text) {
            super(text);
        }

        @Override
        public void fire() {
            if (!isSelected()) {
                super.fire();
            }
        }
    }

    /** One setting: its name and control on a line, and a sentence under them. */
    private static Node setting(String label, Node control, Label below) {
        Label name = Ui.styled(new Label(label), "settings-field-label");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(10, name, gap, control);
        line.setAlignment(Pos.CENTER_LEFT);
        below.setWrapText(true);
        return Ui.styled(new VBox(3, line, below), "settings-setting");
    }
}
