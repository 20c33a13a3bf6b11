package dev.groundwork.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.git.CommitDiff;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports a researcher can plot from, on a real study: the diff as applied, every idea, curves in long format, edges. */
class StudyExporterTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyFolder study;
    private Idea momentum;
    private Idea unrun;
    private Idea child;

    @BeforeEach
    void study() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC())
                .create(temp.resolve("study"), "minimal");
        // As an LLM writes a diff: prose, a fence and hunk counts that are off by one.
        String submitted = "Here is the change:\n```diff\n" + Files.readString(study.dir().resolve("ideas/momentum.diff"))
                .replace("@@ -12,6 +12,8 @@", "@@ -12,5 +12,9 @@") + "```\nIt adds heavy-ball momentum.\n";
        momentum = approved(new NewIdea(0, IdeaOrigin.HUMAN, "Heavy-ball momentum", "[Experiment] momentum"));
        HumanPatches patches = new HumanPatches(study, new BaselineCode(study),
                (workspace, changed, smoke, timeout) -> new Preflight.Result(true, "compiled"), LoopEvents.NONE);
        assertThat(patches.submit(momentum, submitted)).contains("passed pre-flight");
        unrun = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "Never ran", "text"));
        child = study.store().ideas().propose(new NewIdea(1, IdeaOrigin.LLM_EXPLOIT, "Momentum, tuned", "text",
                List.of(momentum.id()), null));

        Run baseline = finished(null, null, 0.03, 3);
        Patch patch = study.store().patches().forIdea(momentum.id()).getFirst();
        finished(patch.id(), momentum.id(), 0.02, 4);
        finished(patch.id(), momentum.id(), 0.01, 0); // a repeat: its reward never counts
        study.store().metrics().flush();
        assertThat(baseline.id()).isEqualTo(1);
    }

    @AfterEach
    void close() {
        study.close();
        settings.close();
    }

    @Test
    void jsonHoldsTheSpecTheBaselineEveryIdeaAndTheDiffAsAppliedBesideTheOneSubmitted() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json(StudyExporter.What.ALL));

        assertThat(root.path("format").asInt()).isEqualTo(2);
        assertThat(root.path("spec").path("name").asText()).isEqualTo(study.spec().name());
        assertThat(root.path("spec").path("reward").path("metric").asText()).isEqualTo("val_loss");
        assertThat(root.path("baseline_reward").asDouble()).isEqualTo(0.03);
        assertThat(root.path("ideas")).extracting(idea -> idea.path("title").asText())
                .containsExactly("Heavy-ball momentum", "Never ran", "Momentum, tuned");
        assertThat(root.path("ideas").get(0).path("best_reward").asDouble()).as("the repeat's 0.01 does not count").isEqualTo(0.02);
        assertThat(root.path("ideas").get(1).path("best_reward").isNull()).isTrue();

        Patch patch = study.store().patches().forIdea(momentum.id()).getFirst();
        JsonNode exported = root.path("patches").get(0);
        String git = new CommitDiff(study.baseline().dir()).between(patch.baseCommit(), patch.commit());
        assertThat(withoutGitHeaders(exported.path("diff").asText()))
                .as("what `git diff <base> gw/idea-N` shows, but for git's index line")
                .isEqualTo(withoutGitHeaders(git)).doesNotContain("```").contains("@@ -12,6 +12,8 @@");
        assertThat(exported.path("submitted_diff").asText()).startsWith("Here is the change:").contains("@@ -12,5 +12,9 @@");
        assertThat(root.path("runs")).extracting(run -> run.path("reward_counts").asBoolean()).containsExactly(true, true, false);
    }

    @Test
    void aPatchAppliedBeforeTheDiffWasStoredIsExportedFromGit() throws Exception {
        Patch patch = study.store().patches().forIdea(momentum.id()).getFirst();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + study.dir().resolve(StudyFolder.DATABASE_FILE));
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE patches SET applied_diff = NULL WHERE id = " + patch.id());
        }

        JsonNode root = new ObjectMapper().readTree(json(StudyExporter.What.ALL));
        assertThat(root.path("patches").get(0).path("diff").asText())
                .isEqualTo(new CommitDiff(study.baseline().dir()).between(patch.baseCommit(), patch.commit()));
    }

    @Test
    void ideasCsvListsEveryIdeaWhateverItsRuns() throws Exception {
        List<String> lines = csv(StudyExporter.What.IDEAS);
        assertThat(lines.getFirst()).isEqualTo(String.join(",", ExportRows.IDEA_COLUMNS));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(momentum.id() + ",0,human,implemented,\"Heavy-ball momentum\",,0.02,");
        assertThat(lines.get(2)).startsWith(unrun.id() + ",0,catalog,proposed,\"Never ran\",,,,0,0,");
        assertThat(lines.get(3)).startsWith(child.id() + ",1,llm-exploit,proposed,\"Momentum, tuned\"," + momentum.id() + ",");
    }

    @Test
    void metricsAreEveryPointInLongFormatAsCsvAndJson() throws Exception {
        List<String> lines = csv(StudyExporter.What.METRICS);
        assertThat(lines.getFirst()).isEqualTo("run_id,metric,step,value,wall_time");
        assertThat(lines).hasSize(1 + 2 * 3 + 2 * 4);
        assertThat(lines.get(1)).isEqualTo("1,train_loss,0,1.0,0.5");

        JsonNode points = new ObjectMapper().readTree(json(StudyExporter.What.METRICS));
        assertThat(points).hasSize(14);
        List<String> fields = new ArrayList<>();
        points.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("run_id", "metric", "step", "value", "wall_time");
        assertThat(points.get(13).path("run_id").asLong()).isEqualTo(2);
    }

    @Test
    void lineageIsOneRowPerParentEdge() throws Exception {
        assertThat(csv(StudyExporter.What.LINEAGE)).containsExactly(
                String.join(",", ExportRows.LINEAGE_COLUMNS),
                child.id() + ",\"Momentum, tuned\",1," + momentum.id() + ",\"Heavy-ball momentum\",0,0");
    }

    @Test
    void runsCsvKeepsItsColumnsAndMarksRepeats() throws Exception {
        List<String> lines = csv(StudyExporter.What.RUNS);
        assertThat(lines.getFirst()).startsWith("run_id,run_status,failure_class,reward,").endsWith(",commit,reward_counts");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).endsWith(",false");
    }

    private static String withoutGitHeaders(String diff) {
        return diff.lines().filter(line -> !line.startsWith("diff --git ") && !line.startsWith("index "))
                .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
    }

    private Idea approved(NewIdea idea) {
        return study.store().ideas().moveTo(study.store().ideas().propose(idea).id(), IdeaStatus.APPROVED);
    }

    private Run finished(Long patchId, Long ideaId, double reward, int points) {
        Run run = study.store().runs().queue(new NewRun(patchId, ideaId, 0, null));
        study.store().runs().markStarting(run.id(), "local", List.of(), "runs/" + run.id() + "/log");
        study.store().runs().markRunning(run.id(), "1", Reproducibility.none());
        List<MetricPoint> series = new ArrayList<>();
        for (int step = 0; step < points; step++) {
            series.add(new MetricPoint(run.id(), "train_loss", step, 1.0 / (step + 1), 0.5 * (step + 1)));
            series.add(new MetricPoint(run.id(), "val_loss", step, 1.1 / (step + 1), 0.5 * (step + 1)));
        }
        study.store().metrics().append(series);
        return study.store().runs().finish(run.id(), RunStatus.SUCCEEDED, 0, null, reward);
    }

    private String json(StudyExporter.What what) throws Exception {
        StringWriter out = new StringWriter();
        new StudyExporter(study).writeJson(what, out);
        return out.toString();
    }

    private List<String> csv(StudyExporter.What what) throws Exception {
        StringWriter out = new StringWriter();
        new StudyExporter(study).writeCsv(what, out);
        return out.toString().lines().toList();
    }
}
