package dev.groundwork.model.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.groundwork.model.export.AnalyticsTables;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Analytics page's CSV exports read back: every run drawn, the leaderboard's rows, each epoch's health. */
class AnalyticsTablesTest {

    private final StudyFacts facts = new Facts().baseline(2.0)
            .idea(1, 0).idea(2, 0, IdeaOrigin.HUMAN, IdeaStatus.IMPLEMENTED).idea(3, 0)
            .idea(4, 1, 1L)
            .scored(1, 0, 1.8).run(1, 0, "succeeded", 1.5, null) // a repeat: drawn, never counted
            .scored(2, 0, 1.9).run(3, 0, "failed", null, "oom")
            .scored(4, 1, 1.6)
            .spent(1, 0, 0.5).spent(4, 1, 0.25)
            .build(Direction.MINIMIZE);

    @Test
    void theRewardChartsCsvHasEveryRunDrawnWithItsKindAndItsEpochsLines() throws IOException {
        StringWriter out = new StringWriter();
        AnalyticsTables.rewards(RewardPlot.of(facts), out);
        List<Map<String, String>> rows = read(out.toString());

        assertThat(out.toString()).startsWith(String.join(",", AnalyticsTables.REWARD_COLUMNS) + "\n");
        assertThat(rows).extracting(row -> row.get("kind"))
                .containsExactly("counted", "repeat", "counted", "failed", "counted");
        Map<String, String> failed = rows.get(3);
        assertThat(failed.get("reward")).as("a failed run has no reward").isEmpty();
        assertThat(failed.get("failure")).isEqualTo("oom");
        assertThat(rows.get(4)).containsEntry("epoch", "1").containsEntry("idea_id", "4").containsEntry("reward", "1.6")
                .containsEntry("best_so_far", "1.6").containsEntry("epoch_median", "1.6");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("strategy", "evolve").containsEntry("baseline", "2.0"));
        assertThat(rows.getFirst().get("label")).isEqualTo("#1 idea 1");
    }

    @Test
    void theLeaderboardsCsvHasItsRowsBestFirstWithUnroundedNumbers() throws IOException {
        StringWriter out = new StringWriter();
        AnalyticsTables.leaderboard(Leaderboard.of(facts), out);
        List<Map<String, String>> rows = read(out.toString());

        assertThat(rows).extracting(row -> row.get("idea_id")).containsExactly("4", "1", "2");
        assertThat(Double.parseDouble(rows.getFirst().get("vs_parent"))).isEqualTo(1.6 - 1.8);
        assertThat(rows.getFirst()).containsEntry("rank", "1").containsEntry("parent_id", "1")
                .containsEntry("origin", "llm").containsEntry("llm_usd", "0.25");
        assertThat(rows.get(1).get("parent_id")).as("bred from the baseline").isEmpty();
        assertThat(rows.get(2).get("origin")).isEqualTo("human");
    }

    @Test
    void theHealthCsvHasEachEpochsFunnelFailuresAndGains() throws IOException {
        StringWriter out = new StringWriter();
        AnalyticsTables.health(EpochHealth.of(facts), out);
        List<Map<String, String>> rows = read(out.toString());

        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst()).containsEntry("epoch", "0").containsEntry("proposed", "3")
                .containsEntry("succeeded", "2").containsEntry("failed", "1").containsEntry("failures", "oom:1")
                .containsEntry("best_so_far", "1.8");
        assertThat(Double.parseDouble(rows.getFirst().get("gain_per_usd"))).isEqualTo(EpochHealth.of(facts).getFirst().gainPerUsd());
        assertThat(rows.get(1).get("failures")).isEmpty();
    }

    @Test
    void theLineagesCsvHasANodePerIdeaWithItsParentsTheBestPathAndItsApproval() throws IOException {
        LineageGraph graph = LineageGraph.of(new Facts().baseline(2.0)
                .idea(1, 0).idea(2, 0).idea(3, 0, IdeaOrigin.HUMAN, IdeaStatus.UNIMPLEMENTABLE)
                .idea(4, 1, IdeaOrigin.LLM_EXPLOIT, IdeaStatus.IMPLEMENTED, 2L, 1L)
                .scored(1, 0, 1.8).scored(2, 0, 1.6).scored(4, 1, 1.2)
                .build(Direction.MINIMIZE), "baseline");
        StringWriter out = new StringWriter();
        AnalyticsTables.lineage(graph, out);
        List<Map<String, String>> rows = read(out.toString());

        assertThat(rows).extracting(row -> row.get("id")).containsExactly("0", "1", "2", "3", "4");
        assertThat(rows.getFirst()).containsEntry("kind", "baseline").containsEntry("parent_id", "").containsEntry("reward", "2.0");
        assertThat(rows.get(4)).containsEntry("parent_id", "2").containsEntry("exemplar_ids", "1")
                .containsEntry("origin", "llm-exploit").containsEntry("reward", "1.2").containsEntry("approved_by", "ann");
        assertThat(rows).filteredOn(row -> row.get("on_best_path").equals("true")).extracting(row -> row.get("id"))
                .containsExactlyElementsOf(graph.bestPath().stream().map(String::valueOf).toList());
        assertThat(rows.get(3)).containsEntry("kind", "unimplementable").containsEntry("reward", "");
    }

    private static List<Map<String, String>> read(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
