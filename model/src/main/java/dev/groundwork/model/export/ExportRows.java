package dev.groundwork.model.export;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.study.StudyFolder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The study as flat tables, one row a map in column order: runs, ideas and lineage edges. */
final class ExportRows {

    /** Columns of the runs table; the first 21 are the original CSV contract, new ones are only ever appended. */
    static final List<String> RUN_COLUMNS = List.of(
            "run_id", "run_status", "failure_class", "reward", "exit_code", "host", "gpu_ids", "queued_at", "started_at",
            "ended_at", "epoch", "idea_id", "idea_title", "idea_origin", "idea_status", "idea_parents", "patch_id",
            "patch_attempt", "patch_author", "patch_status", "commit", "reward_counts");

    static final List<String> IDEA_COLUMNS = List.of(
            "idea_id", "epoch", "origin", "status", "title", "parents", "best_reward", "reward_vs_baseline", "runs",
            "runs_succeeded", "patch_id", "patch_status", "patch_author", "score", "created_at");

    static final List<String> LINEAGE_COLUMNS = List.of(
            "child_id", "child_title", "child_epoch", "parent_id", "parent_title", "parent_epoch", "position");

    private final StudyFolder study;

    ExportRows(StudyFolder study) {
        this.study = study;
    }

    List<Map<String, Object>> runs() {
        Map<Long, Idea> ideas = byId(study.store().ideas().all(), Idea::id);
        Map<Long, Patch> patches = byId(study.store().patches().all(), Patch::id);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Run run : study.store().runs().all()) {
            Idea idea = run.ideaId() == null ? null : ideas.get(run.ideaId());
            Patch patch = run.patchId() == null ? null : patches.get(run.patchId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run_id", run.id());
            row.put("run_status", run.status().wireName());
            row.put("failure_class", run.failureClass() == null ? null : run.failureClass().wireName());
            row.put("reward", run.reward());
            row.put("exit_code", run.exitCode());
            row.put("host", run.host());
            row.put("gpu_ids", run.gpuIds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
            row.put("queued_at", text(run.queuedAt()));
            row.put("started_at", text(run.startedAt()));
            row.put("ended_at", text(run.endedAt()));
            row.put("epoch", run.epoch());
            row.put("idea_id", idea == null ? null : idea.id());
            row.put("idea_title", idea == null ? (run.isBaseline() ? "(baseline)" : null) : idea.title());
            row.put("idea_origin", idea == null ? null : idea.origin().wireName());
            row.put("idea_status", idea == null ? null : idea.status().wireName());
            row.put("idea_parents", idea == null ? null : joined(idea.parents()));
            row.put("patch_id", patch == null ? null : patch.id());
            row.put("patch_attempt", patch == null ? null : patch.attempt());
            row.put("patch_author", patch == null ? null : patch.author());
            row.put("patch_status", patch == null ? null : patch.status().wireName());
            row.put("commit", patch == null ? null : patch.commit());
            row.put("reward_counts", run.rewardCounts());
            rows.add(row);
        }
        return rows;
    }

    /** Every idea, whatever became of it: with its best counting reward when it has one. */
    List<Map<String, Object>> ideas() {
        boolean higherIsBetter = study.spec().reward().goal() == RewardSpec.Goal.MAXIMIZE;
        Map<Long, Double> best = study.store().runs().bestRewardsByIdea(higherIsBetter);
        Double baseline = study.store().runs().baselineReward().orElse(null);
        Map<Long, List<Run>> runs = study.store().runs().all().stream().filter(run -> run.ideaId() != null)
                .collect(Collectors.groupingBy(Run::ideaId));
        Map<Long, Patch> latest = study.store().patches().all().stream()
                .collect(Collectors.toMap(Patch::ideaId, Function.identity(), (older, newer) -> newer));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Idea idea : study.store().ideas().all()) {
            List<Run> ideaRuns = runs.getOrDefault(idea.id(), List.of());
            Patch patch = latest.get(idea.id());
            Double reward = best.get(idea.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("idea_id", idea.id());
            row.put("epoch", idea.epoch());
            row.put("origin", idea.origin().wireName());
            row.put("status", idea.status().wireName());
            row.put("title", idea.title());
            row.put("parents", joined(idea.parents()));
            row.put("best_reward", reward);
            row.put("reward_vs_baseline", reward == null || baseline == null ? null : reward - baseline);
            row.put("runs", ideaRuns.size());
            row.put("runs_succeeded", ideaRuns.stream().filter(run -> run.status() == RunStatus.SUCCEEDED).count());
            row.put("patch_id", patch == null ? null : patch.id());
            row.put("patch_status", patch == null ? null : patch.status().wireName());
            row.put("patch_author", patch == null ? null : patch.author());
            row.put("score", idea.score());
            row.put("created_at", text(idea.createdAt()));
            rows.add(row);
        }
        return rows;
    }

    /** One row per parent edge, child first: what each idea was bred from, in the order it was given its parents. */
    List<Map<String, Object>> lineage() {
        List<Idea> all = study.store().ideas().all();
        Map<Long, Idea> ideas = byId(all, Idea::id);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Idea child : all) {
            for (int position = 0; position < child.parents().size(); position++) {
                Idea parent = ideas.get(child.parents().get(position));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("child_id", child.id());
                row.put("child_title", child.title());
                row.put("child_epoch", child.epoch());
                row.put("parent_id", parent.id());
                row.put("parent_title", parent.title());
                row.put("parent_epoch", parent.epoch());
                row.put("position", position);
                rows.add(row);
            }
        }
        return rows;
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String joined(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
