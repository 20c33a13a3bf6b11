package dev.groundwork.model.export;

import dev.groundwork.model.analytics.EpochHealth;
import dev.groundwork.model.analytics.Leaderboard;
import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.model.analytics.RewardPlot;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Analytics page's charts and tables as CSV, one row per thing drawn, so that what the page shows can be analysed
 * elsewhere: every run of the reward chart with its epoch's median and best so far, the leaderboard, the health
 * of each epoch, and the lineage tree's nodes. Numbers are written whole (not rounded as the page shows them); an unknown value is an empty cell.
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
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("strategy", strategy.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                        row.put("epoch", point.epoch());
                        row.put("run_id", point.runId());
                        row.put("idea_id", point.ideaId());
                        row.put("label", point.label());
                        row.put("reward", point.reward());
                        row.put("kind", point.kind().name().toLowerCase(Locale.ROOT));
                        row.put("failure", point.failure());
                        row.put("epoch_median", epoch == null ? null : epoch.median());
                        row.put("best_so_far", epoch == null ? null : epoch.bestSoFar());
                        row.put("baseline", plot.baseline());
                        rows.add(row);
                    });
        }
        CsvTables.write(REWARD_COLUMNS, rows, out);
    }

    /** The leaderboard, best first. */
    public static void leaderboard(List<Leaderboard.Row> board, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(board.size());
        for (Leaderboard.Row entry : board) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", entry.rank());
            row.put("idea_id", entry.ideaId());
            row.put("label", entry.label());
            row.put("title", entry.title());
            row.put("reward", entry.reward());
            row.put("vs_parent", entry.vsParent());
            row.put("vs_baseline", entry.vsBaseline());
            row.put("epoch", entry.epoch());
            row.put("origin", entry.origin().label());
            row.put("llm_usd", entry.llmUsd());
            row.put("gpu_hours", entry.gpuHours());
            row.put("run_id", entry.runId());
            row.put("parent_id", entry.parentId());
            rows.add(row);
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
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", node.id());
            row.put("epoch", node.epoch());
            row.put("label", node.label());
            row.put("title", node.title());
            row.put("kind", node.kind().name().toLowerCase(Locale.ROOT));
            row.put("origin", node.origin() == null ? null : node.origin().wireName());
            row.put("human_edited", node.humanEdited());
            row.put("reward", node.reward());
            row.put("parent_id", node.parent());
            row.put("exemplar_ids", node.exemplars().stream().map(String::valueOf).collect(Collectors.joining("; ")));
            row.put("run_id", node.runId());
            row.put("on_best_path", best.contains(node.id()));
            row.put("promoted", promoted.contains(node.id()));
            row.put("approved_by", node.approval() == null ? null : node.approval().by());
            row.put("approved_at", node.approval() == null || node.approval().at() == null ? null : node.approval().at().toString());
            row.put("approval_comment", node.approval() == null ? null : node.approval().comment());
            rows.add(row);
        }
        CsvTables.write(LINEAGE_COLUMNS, rows, out);
    }

    /** Each epoch's health; its failures as "class:count" pairs joined with "; ". */
    public static void health(List<EpochHealth> epochs, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(epochs.size());
        for (EpochHealth epoch : epochs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", epoch.epoch());
            row.put("proposed", epoch.proposed());
            row.put("implemented", epoch.implemented());
            row.put("ran", epoch.ran());
            row.put("succeeded", epoch.succeeded());
            row.put("failed", epoch.failed());
            row.put("failures", epoch.failures().entrySet().stream()
                    .map(failure -> failure.getKey() + ":" + failure.getValue()).collect(Collectors.joining("; ")));
            row.put("llm_usd", epoch.llmUsd());
            row.put("gpu_hours", epoch.gpuHours());
            row.put("best_so_far", epoch.bestSoFar());
            row.put("gain", epoch.gain());
            row.put("gain_per_usd", epoch.gainPerUsd());
            row.put("gain_per_gpu_hour", epoch.gainPerGpuHour());
            rows.add(row);
        }
        CsvTables.write(HEALTH_COLUMNS, rows, out);
    }
}
