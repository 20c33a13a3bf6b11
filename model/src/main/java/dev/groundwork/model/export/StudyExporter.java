package dev.groundwork.model.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.promotion.Promotion;
import dev.groundwork.model.patch.git.CommitDiff;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a study for analysis elsewhere, as CSV or JSON: runs (one row per run, its idea and patch joined in), ideas
 * (every idea with its best reward, whatever its runs), metrics (every point, long format, streamed) and lineage (parent
 * edges); or, as JSON only, everything (spec, baseline reward, ideas, patches with the diffs as applied, runs). Never
 * includes secrets: the store and the spec hold none.
 */
public final class StudyExporter {

    /** What to export. */
    public enum What {
        ALL, RUNS, IDEAS, METRICS, LINEAGE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The columns of the runs CSV, in order; a stable contract for scripts that read the export. */
    public static final List<String> CSV_COLUMNS = ExportRows.RUN_COLUMNS;

    static final List<String> METRIC_COLUMNS = List.of("run_id", "metric", "step", "value", "wall_time");

    private static final int FORMAT = 2;

    private final StudyFolder study;
    private final ExportRows rows;

    public StudyExporter(StudyFolder study) {
        this.study = study;
        this.rows = new ExportRows(study);
    }

    /** One table as CSV with a header row; {@link What#ALL} is JSON only. */
    public void writeCsv(What what, Writer out) throws IOException {
        switch (what) {
            case RUNS -> table(ExportRows.RUN_COLUMNS, rows.runs(), out);
            case IDEAS -> table(ExportRows.IDEA_COLUMNS, rows.ideas(), out);
            case LINEAGE -> table(ExportRows.LINEAGE_COLUMNS, rows.lineage(), out);
            case METRICS -> metrics(CsvTables.mapper().writer(CsvTables.schema(METRIC_COLUMNS)).writeValues(out));
            case ALL -> throw new IllegalArgumentException("Everything at once is JSON only; CSV holds one table.");
        }
    }

    public void writeJson(What what, Writer out) throws IOException {
        ObjectMapper json = json();
        switch (what) {
            case ALL -> json.writeValue(out, everything(json));
            case RUNS -> json.writeValue(out, rows.runs());
            case IDEAS -> json.writeValue(out, rows.ideas());
            case LINEAGE -> json.writeValue(out, rows.lineage());
            case METRICS -> metrics(json.writer().writeValuesAsArray(out));
        }
        out.write('\n');
    }

    private static void table(List<String> columns, List<Map<String, Object>> table, Writer out) throws IOException {
        CsvTables.write(columns, table, out);
    }

    /** Streams every point, so that ten million of them never sit in memory. */
    private void metrics(SequenceWriter writer) throws IOException {
        try (writer) {
            Map<String, Object> point = new LinkedHashMap<>(); // one row object, refilled: millions of points
            study.store().metrics().forEachPoint((runId, name, step, value, wallTime) -> {
                point.put("run_id", runId);
                point.put("metric", name);
                point.put("step", step);
                point.put("value", value);
                point.put("wall_time", wallTime);
                writer.write(point);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private ObjectNode everything(ObjectMapper json) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("study", study.name());
        root.put("format", FORMAT);
        root.set("spec", spec());
        root.put("baseline_reward", study.store().runs().baselineReward().orElse(null));
        Map<Long, Idea> ideas = new java.util.HashMap<>();
        study.store().ideas().all().forEach(idea -> ideas.put(idea.id(), idea));
        ArrayNode ideaNodes = root.putArray("ideas");
        for (Map<String, Object> row : rows.ideas()) {
            Idea idea = ideas.get((Long) row.get("idea_id"));
            ObjectNode node = ideaNodes.addObject();
            node.put("id", idea.id());
            node.put("epoch", idea.epoch());
            node.put("origin", idea.origin().wireName());
            node.put("status", idea.status().wireName());
            node.put("title", idea.title());
            node.put("text", idea.text());
            idea.parents().forEach(node.putArray("parents")::add);
            node.putPOJO("best_reward", row.get("best_reward"));
            node.putPOJO("runs", row.get("runs"));
            node.put("notes", idea.notes());
            node.put("score", idea.score());
            node.put("created_at", ExportRows.text(idea.createdAt()));
        }
        ArrayNode patches = root.putArray("patches");
        CommitDiff diffs = new CommitDiff(study.baseline().dir());
        for (Patch patch : study.store().patches().all()) {
            ObjectNode node = patches.addObject();
            node.put("id", patch.id());
            node.put("idea_id", patch.ideaId());
            node.put("attempt", patch.attempt());
            node.put("author", patch.author());
            node.put("status", patch.status().wireName());
            node.put("base_commit", patch.baseCommit());
            node.put("commit", patch.commit());
            node.put("decided_by", patch.decision() == null ? null : patch.decision().decidedBy());
            node.put("decision_comment", patch.decision() == null ? null : patch.decision().comment());
            node.put("diff", appliedDiff(patch, diffs));
            node.put("submitted_diff", patch.diff());
        }
        ArrayNode runs = root.putArray("runs");
        for (Run run : study.store().runs().all()) {
            runs.add(run(json, run));
        }
        ArrayNode promotions = root.putArray("promotions");
        for (Promotion promotion : study.store().promotions().all()) {
            ObjectNode node = promotions.addObject();
            node.put("idea_id", promotion.ideaId());
            node.put("patch_id", promotion.patchId());
            node.put("epoch", promotion.epoch());
            node.put("from_commit", promotion.fromCommit());
            node.put("to_commit", promotion.toCommit());
            node.put("previous_reward", promotion.previousReward());
            node.put("reward", promotion.ideaReward());
            node.put("after_run", promotion.afterRun());
            node.put("promoted_at", ExportRows.text(promotion.promotedAt()));
        }
        return root;
    }

    /**
     * The diff as applied ({@code git diff <base> gw/idea-<id>}): stored since schema 5, read from git for patches
     * applied before; null for a patch that never applied.
     */
    private static String appliedDiff(Patch patch, CommitDiff diffs) throws IOException {
        if (patch.appliedDiff() != null || patch.commit() == null || patch.baseCommit() == null) {
            return patch.appliedDiff();
        }
        return diffs.between(patch.baseCommit(), patch.commit());
    }

    private static ObjectNode run(ObjectMapper json, Run run) {
        ObjectNode node = json.createObjectNode();
        node.put("id", run.id());
        node.put("idea_id", run.ideaId());
        node.put("patch_id", run.patchId());
        node.put("epoch", run.epoch());
        node.put("status", run.status().wireName());
        node.put("failure_class", run.failureClass() == null ? null : run.failureClass().wireName());
        node.put("reward", run.reward());
        node.put("reward_counts", run.rewardCounts());
        node.put("exit_code", run.exitCode());
        node.put("host", run.host());
        run.gpuIds().forEach(node.putArray("gpu_ids")::add);
        node.put("queued_at", ExportRows.text(run.queuedAt()));
        node.put("started_at", ExportRows.text(run.startedAt()));
        node.put("ended_at", ExportRows.text(run.endedAt()));
        run.reproducibility().command().forEach(node.putArray("command")::add);
        run.reproducibility().envNames().forEach(node.putArray("env_names")::add);
        node.put("seed", run.reproducibility().seed());
        node.put("image_digest", run.reproducibility().imageDigest());
        node.put("gpu_model", run.reproducibility().gpuModel());
        return node;
    }

    /** The spec as written in groundwork.yaml (comments dropped), so an export says what was searched and how. */
    private JsonNode spec() throws IOException {
        return new YAMLMapper().readTree(Files.readString(study.dir().resolve(StudyFolder.SPEC_FILE)));
    }

    /** Writers never close the researcher's stream (standard output, say): the caller does. */
    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
