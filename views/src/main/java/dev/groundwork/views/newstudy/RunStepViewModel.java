package dev.groundwork.views.newstudy;

import dev.groundwork.model.intake.CodeDetector;
import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.PlanCheck;
import dev.groundwork.model.intake.StudyPlan;
import dev.groundwork.model.spec.Durations;
import dev.groundwork.views.common.TaskExecutor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 3: how each run is started and limited — the run command (checked in the background: on PATH, in the code),
 * timeout, concurrency and GPUs per run — prefilled from the detection.
 */
public final class RunStepViewModel {

    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty timeout = new SimpleStringProperty(StudyPlan.Runs.DEFAULT.timeout());
    private final StringProperty concurrency = new SimpleStringProperty(
            String.valueOf(StudyPlan.Runs.DEFAULT.concurrency()));
    private final StringProperty gpus = new SimpleStringProperty(String.valueOf(StudyPlan.Runs.DEFAULT.gpusPerRun()));
    private final ReadOnlyStringWrapper commandFrom = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commandProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checking = new ReadOnlyStringWrapper("");
    private final StringBinding reason;
    private final PlanCheck check;
    private final Supplier<CodeSnapshot> code;
    private final LatestWork checks;

    /** @param code the code as the study will hold it (without the files left out) */
    RunStepViewModel(TaskExecutor tasks, PlanCheck check, Supplier<CodeSnapshot> code) {
        this.check = check;
        this.code = code;
        this.checks = new LatestWork(tasks);
        command.addListener(o -> recheck());
        reason = Bindings.createStringBinding(this::reason, command, timeout, concurrency, gpus, commandProblem,
                checking);
    }

    /** Prefills the fields from what was detected. */
    void load(CodeDetector.Detection detection) {
        commandFrom.set(detection.plan().command().isEmpty() ? "No run command was found in the code; type the one that"
                + " trains." : "Found from " + detection.commandFrom() + ".");
        command.set(String.join(" ", detection.plan().command()));
        timeout.set(detection.plan().runs().timeout());
        concurrency.set(String.valueOf(detection.plan().runs().concurrency()));
        gpus.set(String.valueOf(detection.plan().runs().gpusPerRun()));
        recheck();
    }

    public StringProperty commandProperty() {
        return command;
    }

    public StringProperty timeoutProperty() {
        return timeout;
    }

    public StringProperty concurrencyProperty() {
        return concurrency;
    }

    public StringProperty gpusProperty() {
        return gpus;
    }

    /** Where the command came from (what the detector found it from). */
    public ReadOnlyStringProperty commandFromProperty() {
        return commandFrom.getReadOnlyProperty();
    }

    public StringBinding reasonProperty() {
        return reason;
    }

    /** The command's words, as the spec writes them. */
    public List<String> words() {
        return Arrays.stream(command.get().strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    /** The run settings typed, when they are all numbers where numbers belong. */
    public Optional<StudyPlan.Runs> runs() {
        Optional<Integer> at = whole(concurrency.get());
        Optional<Integer> perRun = whole(gpus.get());
        if (at.isEmpty() || perRun.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StudyPlan.Runs(timeout.get().strip(), at.get(), perRun.get()));
    }

    /** The timeout typed, when it is a duration. */
    public Optional<Duration> timeout() {
        return Durations.parse(timeout.get().strip()).filter(d -> !d.isZero());
    }

    /** Checks the command again against the code (after files were left out or kept). */
    void recheck() {
        CodeSnapshot current = code.get();
        List<String> words = words();
        if (current == null) {
            return;
        }
        commandProblem.set("");
        checking.set("Checking the run command…");
        checks.submit("Checking the run command", progress -> check.commandProblem(words, current), problem -> {
            checking.set("");
            commandProblem.set(problem.orElse(""));
        }, failure -> {
            checking.set("");
            commandProblem.set("The run command could not be checked (" + failure.getMessage() + "); try again.");
        });
    }

    private String reason() {
        if (words().isEmpty()) {
            return "Type the command that trains, e.g. python3 train.py.";
        }
        if (!commandProblem.get().isEmpty()) {
            return commandProblem.get();
        }
        if (whole(concurrency.get()).isEmpty()) {
            return "Concurrency '" + concurrency.get() + "' is not a whole number; write how many runs may run at once,"
                    + " e.g. 1.";
        }
        if (whole(gpus.get()).isEmpty()) {
            return "GPUs per run '" + gpus.get() + "' is not a whole number; write 0 for CPU-only runs.";
        }
        List<String> problems = check.runProblems(runs().orElseThrow());
        if (!problems.isEmpty()) {
            return problems.getFirst();
        }
        return checking.get();
    }

    private static Optional<Integer> whole(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
