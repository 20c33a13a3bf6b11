package dev.groundwork.views.newstudy;

import dev.groundwork.model.intake.MetricFormat;
import dev.groundwork.model.intake.MetricSniffer;
import dev.groundwork.model.intake.PlanCheck;
import dev.groundwork.model.intake.StudyPlan;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Step 5: the reward — one of the metrics the test run saw — whether lower or higher is better, and its valid range. */
public final class RewardStepViewModel {

    public static final String MINIMIZE = "minimize";
    public static final String MAXIMIZE = "maximize";

    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<String> metric = new SimpleObjectProperty<>();
    private final ObjectProperty<String> goal = new SimpleObjectProperty<>(MINIMIZE);
    private final StringProperty low = new SimpleStringProperty("");
    private final StringProperty high = new SimpleStringProperty("");
    private final StringBinding reason;
    private final PlanCheck check;
    private MetricSniffer.Proposal proposal;

    RewardStepViewModel(PlanCheck check) {
        this.check = check;
        metric.addListener((o, old, now) -> {
            if (now != null) {
                goal.set(MetricFormat.goalOf(now));
            }
        });
        reason = Bindings.createStringBinding(this::reason, metric, goal, low, high);
    }

    /** Offers the metrics a test run saw, its proposed reward chosen; keeps the choice when the same metrics come again. */
    void load(MetricSniffer.Proposal seen) {
        boolean same = proposal != null && proposal.metrics().equals(seen.metrics());
        proposal = seen;
        if (!same) {
            metrics.setAll(seen.metrics());
            metric.set(seen.reward());
            goal.set(seen.goal());
        }
    }

    public ObservableList<String> metrics() {
        return metrics;
    }

    public ObjectProperty<String> metricProperty() {
        return metric;
    }

    public ObjectProperty<String> goalProperty() {
        return goal;
    }

    /** The valid range's low end; empty (with the high end empty) for no range. */
    public StringProperty lowProperty() {
        return low;
    }

    public StringProperty highProperty() {
        return high;
    }

    public StringBinding reasonProperty() {
        return reason;
    }

    /** The metrics' format the test run read. */
    MetricFormat format() {
        return proposal.format();
    }

    /** The valid range typed, empty when none is. */
    Optional<StudyPlan.Valid> valid() {
        if (low.get().isBlank() && high.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StudyPlan.Valid(number(low.get()).orElse(Double.NaN),
                number(high.get()).orElse(Double.NaN)));
    }

    private String reason() {
        if (metric.get() == null) {
            return "Choose the metric to reward.";
        }
        if (low.get().isBlank() != high.get().isBlank()) {
            return "Give both ends of the valid range, or neither.";
        }
        for (StringProperty end : java.util.List.of(low, high)) {
            if (!end.get().isBlank() && number(end.get()).isEmpty()) {
                return "'" + end.get().strip() + "' is not a number; write e.g. 0 or 12.5.";
            }
        }
        return valid().flatMap(check::validProblem).orElse("");
    }

    private static Optional<Double> number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
