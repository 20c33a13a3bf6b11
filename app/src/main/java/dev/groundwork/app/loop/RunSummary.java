package dev.groundwork.app.loop;

import dev.groundwork.app.cli.Money;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.StudyFolder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The table `groundwork run` prints when it returns: one row per epoch, then the study's best and its spend. */
final class RunSummary {

    private final StudyFolder study;

    RunSummary(StudyFolder study) {
        this.study = study;
    }

    String table() {
        boolean higherIsBetter = study.spec().reward().goal() == RewardSpec.Goal.MAXIMIZE;
        Map<Long, Idea> ideas = study.store().ideas().all().stream().collect(Collectors.toMap(Idea::id, Function.identity()));
        Map<Integer, List<Run>> runsByEpoch = new TreeMap<>(study.store().runs().all().stream()
                .filter(run -> !run.isBaseline()).collect(Collectors.groupingBy(Run::epoch)));
        Map<Integer, Long> ideasByEpoch = ideas.values().stream().collect(Collectors.groupingBy(Idea::epoch, Collectors.counting()));
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-6s %6s %9s %7s %12s  %s%n",
                "epoch", "ideas", "runs ok", "failed", "best reward", "best idea"));
        for (int epoch : new java.util.TreeSet<>(ideasByEpoch.keySet())) {
            List<Run> runs = runsByEpoch.getOrDefault(epoch, List.of());
            long ok = runs.stream().filter(run -> run.status() == RunStatus.SUCCEEDED).count();
            long failed = runs.stream().filter(run -> run.status() == RunStatus.FAILED || run.status() == RunStatus.TIMED_OUT)
                    .count();
            Optional<Run> best = runs.stream().filter(run -> run.reward() != null)
                    .min(byReward(higherIsBetter));
            table.append(String.format(Locale.ROOT, "%-6d %6d %9d %7d %12s  %s%n", epoch, ideasByEpoch.get(epoch), ok, failed,
                    best.map(run -> String.format(Locale.ROOT, "%.4f", run.reward())).orElse("—"),
                    best.map(run -> ideas.get(run.ideaId()).title()).orElse("")));
        }
        StudyStatus status = study.status();
        table.append(String.format(Locale.ROOT, "baseline %s · best %s · %d runs · %.2f GPU-hours · %s LLM",
                status.baselineReward() == null ? "—" : String.format(Locale.ROOT, "%.4f", status.baselineReward()),
                status.best() == null ? "—" : String.format(Locale.ROOT, "%.4f (idea %d \"%s\", run %d)",
                        status.best().reward(), status.best().idea(), status.best().title(), status.best().run()),
                status.runs().get("total"), status.gpuHours(), Money.usd(status.llmUsd())));
        return table.toString();
    }

    private static Comparator<Run> byReward(boolean higherIsBetter) {
        Comparator<Run> ascending = Comparator.comparingDouble(Run::reward);
        return higherIsBetter ? ascending.reversed() : ascending;
    }
}
