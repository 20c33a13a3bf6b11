package dev.groundwork.views.newstudy;

import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** Step 5: the reward metric (among those the test run saw), its goal and its valid range. */
final class RewardStepView {

    private final GridPane root = new GridPane(10, 8);
    private final ComboBox<String> metric;

    RewardStepView(RewardStepViewModel vm) {
        metric = new ComboBox<>(vm.metrics());
        metric.setId("reward-metric");
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        metric.setPrefWidth(220);
        ComboBox<String> goal = new ComboBox<>(FXCollections.observableArrayList(RewardStepViewModel.MINIMIZE,
                RewardStepViewModel.MAXIMIZE));
        goal.setId("reward-goal");
        goal.valueProperty().bindBidirectional(vm.goalProperty());
        goal.setPrefWidth(220);
        TextField low = new TextField();
        low.setId("reward-low");
        low.setPromptText("low");
        low.setPrefColumnCount(8);
        low.textProperty().bindBidirectional(vm.lowProperty());
        TextField high = new TextField();
        high.setId("reward-high");
        high.setPromptText("high");
        high.setPrefColumnCount(8);
        high.textProperty().bindBidirectional(vm.highProperty());
        HBox range = new HBox(8, low, new Label("to"), high);
        range.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        root.addRow(0, label("Reward metric"), metric);
        root.add(hint("A run's reward is this metric's last value; the metrics offered are those the test run printed."),
                1, 1);
        root.addRow(2, label("Better is"), goal);
        root.add(hint("minimize for losses, perplexities and times; maximize for accuracies and scores."), 1, 3);
        root.addRow(4, label("Valid range"), range);
        root.add(hint("Optional. A reward outside it is treated as reward hacking (a bug that games the metric) and the"
                + " run counts as failed."), 1, 5);
    }

    Parent root() {
        return root;
    }

    void focus() {
        metric.requestFocus();
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        return hint;
    }
}
