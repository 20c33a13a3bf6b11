package dev.groundwork.model.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.store.StudyStore;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a study's ideas, patches and runs with their rewards, for analysis elsewhere: CSV with one row per run (the idea
 * and patch it ran joined in), or JSON with the three lists whole. Never includes secrets: the store holds none.
 */
public final class StudyExporter {

    /** The CSV columns, in order; a stable contract for scripts that read the export. */
    public static final List<String> CSV_COLUMNS = List.of(
            "run_id", "run_status", "failure_class", "reward", "exit_code", "host", "gpu_ids", "queued_at", "started_at",
            "ended_at", "epoch", "idea_id", "idea_title", "idea_origin", "idea_status", "idea_parents", "patch_id",
            "patch_attempt", "patch_author", "patch_status", "commit");

    private final StudyStore store;
    private final String studyName;

    public StudyExporter(StudyStore store, String studyName) {
        this.store = store;
        this.studyName = studyName;
    }

    public void writeCsv(Writer out) throws IOException {
        Map<Long, Idea> ideas = byId(store.ideas().all(), Idea::id);
        Map<Long, Patch> patches = byId(store.patches().all(), Patch::id);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Run run : store.runs().all()) {
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
            row.put("idea_parents", idea == null ? null
                    : idea.parents().stream().map(String::valueOf).collect(Collectors.joining(" ")));
            row.put("patch_id", patch == null ? null : patch.id());
            row.put("patch_attempt", patch == null ? null : patch.attempt());
            row.put("patch_author", patch == null ? null : patch.author());
            row.put("patch_status", patch == null ? null : patch.status().wireName());
            row.put("commit", patch == null ? null : patch.commit());
            rows.add(row);
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(schema::addColumn);
        new CsvMapper().writer(schema.build()).writeValue(out, rows);
    }

    public void writeJson(Writer out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        ObjectNode root = json.createObjectNode();
        root.put("study", studyName);
        root.put("format", 1);
        ArrayNode ideas = root.putArray("ideas");
        for (Idea idea : store.ideas().all()) {
            ObjectNode node = ideas.addObject();
            node.put("id", idea.id());
            node.put("epoch", idea.epoch());
            node.put("origin", idea.origin().wireName());
            node.put("status", idea.status().wireName());
            node.put("title", idea.title());
            node.put("text", idea.text());
            idea.parents().forEach(node.putArray("parents")::add);
            node.put("notes", idea.notes());
            node.put("score", idea.score());
            node.put("created_at", text(idea.createdAt()));
        }
        ArrayNode patches = root.putArray("patches");
        for (Patch patch : store.patches().all()) {
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
            node.put("diff", patch.diff());
        }
        ArrayNode runs = root.putArray("runs");
        for (Run run : store.runs().all()) {
            ObjectNode node = runs.addObject();
            node.put("id", run.id());
            node.put("idea_id", run.ideaId());
            node.put("patch_id", run.patchId());
            node.put("epoch", run.epoch());
            node.put("status", run.status().wireName());
            node.put("failure_class", run.failureClass() == null ? null : run.failureClass().wireName());
            node.put("reward", run.reward());
            node.put("exit_code", run.exitCode());
            node.put("host", run.host());
            run.gpuIds().forEach(node.putArray("gpu_ids")::add);
            node.put("queued_at", text(run.queuedAt()));
            node.put("started_at", text(run.startedAt()));
            node.put("ended_at", text(run.endedAt()));
            run.reproducibility().command().forEach(node.putArray("command")::add);
            run.reproducibility().envNames().forEach(node.putArray("env_names")::add);
            node.put("seed", run.reproducibility().seed());
            node.put("image_digest", run.reproducibility().imageDigest());
            node.put("gpu_model", run.reproducibility().gpuModel());
        }
        json.writeValue(out, root);
        out.write('\n');
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
