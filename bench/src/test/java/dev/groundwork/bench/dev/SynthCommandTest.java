package dev.groundwork.bench.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.bench.WorkshopCommands;
import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.model.analytics.RewardPlot;
import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.analytics.StudyFacts;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

    @TempDir
    Path temp;

    @Test
    void makesAStudyWhoseSearchImprovesDownARealLineage() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"), Map.of(), new WorkshopCommands());
        Path dir = temp.resolve("synth");

        CliRunner.Outcome outcome = cli.run("dev", "synth", dir.toString(), "--ideas", "400", "--runs", "600",
                "--points", "60000", "--epochs", "8");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("400 ideas over 8 epochs", "600 runs");
        AppDirs dirs = cli.dirs();
        try (SettingsStore settings = new SettingsStore(dirs.settingsFile());
             StudyFolder study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs,
                     Clock.systemUTC()).open(dir)) {
            StudyAnalytics analytics = new StudyAnalytics(study);
            StudyFacts facts = analytics.facts();
            LineageGraph graph = analytics.lineage(facts);
            assertThat(graph.size()).isEqualTo(401);
            assertThat(graph.nodes()).filteredOn(node -> node.epoch() > 2)
                    .as("later ideas are bred from earlier ones").anyMatch(node -> node.parent() != LineageGraph.BASELINE);
            assertThat(graph.nodes()).extracting(LineageGraph.Node::kind).contains(LineageGraph.Kind.SCORED,
                    LineageGraph.Kind.FAILED, LineageGraph.Kind.UNIMPLEMENTABLE, LineageGraph.Kind.REJECTED,
                    LineageGraph.Kind.PENDING);
            assertThat(graph.bestPath()).hasSizeGreaterThan(2);
            List<RewardPlot.EpochLine> epochs = RewardPlot.of(facts).lanes().get(RewardPlot.Strategy.EVOLVE).epochs();
            assertThat(epochs.getLast().bestSoFar()).as("rewards improve").isLessThan(epochs.getFirst().bestSoFar());
            long baselineRun = facts.baselineRun().orElseThrow().id();
            var curve = analytics.series(List.of(baselineRun), "val_loss", 50).get(baselineRun);
            assertThat(curve.getLast().last()).as("curves decay").isLessThan(curve.getFirst().first());
        }
    }
}
