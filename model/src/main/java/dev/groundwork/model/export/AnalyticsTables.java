package dev.groundwork.model.export;

import dev.groundwork.model.analytics.EpochHealth;
import dev.groundwork.model.analytics.Leaderboard;
import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.model.analytics.RewardPlot;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Analytics page's charts and tables as CSV, one row per thing drawn, so that what the page shows can be analysed
 * elsewhere: every run of the reward chart with its epoch's median and best so far, the leaderboard, the health
 * of each epoch, and the lineage tree's nodes. Numbers are written whole (not rounded as the page
 * shows them); an unknown value is an empty cell.
 */
public final class AnalyticsTables {

    public static final List<String> REWARD_COLUMNS = List.of("strategy", "epoch", "run_id", "idea_id", "label",
            "reward", "kind", "failure", "epoch_median", "best_so_far", "baseline");
    public static final List<String> LEADERBOARD_COLUMNS = List.of("rank", "idea_id", "label", "title", "reward",
            "vs_parent", "vs_baseline", "epoch", "origin", "llm_usd", "gpu_hours", "run_id", "parent_id");
    public static final List<String> LINEAGE_COLUMNS = List.of("id", "epoch", "label", "title", "kind", "origin",
            "human_edited", "reward", "parent_id", "exemplar_ids", "run_id", "on_best_path", "promoted", "approved_by",
            "approved_at", "approval_comment");
    public static final List<String> HEALTH_COLUMNS = List.of("epoch", "proposed", "implemented", "ran", "succeeded",
            "failed", "failures", "llm_usd", "gpu_hours", "best_so_far", "gain", "gain_per_usd", "gain_per_gpu_hour");

    private AnalyticsTables() {}

    /** Every run of the reward chart, evolve before best-of-n, by epoch and run. */
    public static void rewards(RewardPlot plot, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RewardPlot.Strategy strategy : RewardPlot.Strategy.values()) {
            RewardPlot.Lane lane = plot.lanes().get(strategy);
            if (lane == null) {
                continue;
            }
            Map<Integer, RewardPlot.EpochLine> epochs = new HashMap<>();
            lane.epochs().forEach(line -> epochs.put(line.epoch(), line));
            lane.points().stream()
                    .sorted(java.util.Comparator.comparingInt(RewardPlot.Point::epoch).thenComparingLong(RewardPlot.Point::runId))
                    .forEach(point -> {
                        RewardPlot.EpochLine epoch = epochs.get(point.epoch());
                        rows.add(CsvTables.row(REWARD_COLUMNS, strategy.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                                point.epoch(), point.runId(), point.ideaId(), point.label(), point.reward(),
                                point.kind().name().toLowerCase(Locale.ROOT), point.failure(),
                                epoch == null ? null : epoch.median(), epoch == null ? null : epoch.bestSoFar(),
                                plot.baseline()));
                    });
        }
        CsvTables.write(REWARD_COLUMNS, rows, out);
    }

    /** The leaderboard, best first. */
    public static void leaderboard(List<Leaderboard.Row> board, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(board.size());
        for (Leaderboard.Row entry : board) {
            rows.add(CsvTables.row(LEADERBOARD_COLUMNS, entry.rank(), entry.ideaId(), entry.label(), entry.title(),
                    entry.reward(), entry.vsParent(), entry.vsBaseline(), entry.epoch(), entry.origin().label(),
                    entry.llmUsd(), entry.gpuHours(), entry.runId(), entry.parentId()));
        }
        CsvTables.write(LEADERBOARD_COLUMNS, rows, out);
    }

    /**
     * The lineage tree, one row per node (the baseline first, id 0): its parent and the other ideas it was bred from,
     * its reward, whether it is on the best path from the baseline, and who approved its patch.
     */
    public static void lineage(LineageGraph graph, Writer out) throws IOException {
        java.util.Set<Long> best = java.util.Set.copyOf(graph.bestPath());
        java.util.Set<Long> promoted = graph.promotions().stream().map(promotion -> promotion.ideaId())
                .collect(Collectors.toSet());
        List<Map<String, Object>> rows = new ArrayList<>(graph.size());
        for (LineageGraph.Node node : graph.nodes()) {
            LineageGraph.Approval approval = node.approval();
            rows.add(CsvTables.row(LINEAGE_COLUMNS, node.id(), node.epoch(), node.label(), node.title(),
                    node.kind().name().toLowerCase(Locale.ROOT), node.origin() == null ? null : node.origin().wireName(),
                    node.humanEdited(), node.reward(), node.parent(),
                    node.exemplars().stream().map(String::valueOf).collect(Collectors.joining("; ")), node.runId(),
                    best.contains(node.id()), promoted.contains(node.id()), approval == null ? null : approval.by(),
                    approval == null || approval.at() == null ? null : approval.at().toString(),
                    approval == null ? null : approval.comment()));
        }
        CsvTables.write(LINEAGE_COLUMNS, rows, out);
    }

    /** Each epoch's health; its failures as "class:count" pairs joined with "; ". */
    public static void health(List<EpochHealth> epochs, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(epochs.size());
        for (EpochHealth epoch : epochs) {
            rows.add(CsvTables.row(HEALTH_COLUMNS, epoch.epoch(), epoch.proposed(), epoch.implemented(), epoch.ran(),
                    epoch.succeeded(), epoch.failed(), epoch.failures().entrySet().stream()
                            .map(failure -> failure.getKey() + ":" + failure.getValue()).collect(Collectors.joining("; ")),
                    epoch.llmUsd(), epoch.gpuHours(), epoch.bestSoFar(), epoch.gain(), epoch.gainPerUsd(),
                    epoch.gainPerGpuHour()));
        }
        CsvTables.write(HEALTH_COLUMNS, rows, out);
    }
}
