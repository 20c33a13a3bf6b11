package dev.groundwork.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.RunStatus;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries behind {@code status}, the Ideas page and the exports must stay index-driven as a study grows to 10k
 * ideas and 20k runs: no per-row reading of {@code runs} or {@code metric_points} inside a correlated subquery. A
 * correlated {@code NOT EXISTS … OR …} over {@code runs} once made {@code status --json} quadratic; this guards against
 * its return.
 */
class QueryPlansTest {

    /** Aliases the store's queries give the big tables. */
    private static final Map<String, String> ALIASES = Map.of("r", "runs", "e", "runs", "p", "metric_points",
            "f", "metric_points", "l", "metric_points");

    @TempDir
    Path dir;

    private Database database;
    private StudyStore store;

    @BeforeEach
    void open() throws Exception {
        database = Database.openWritable(dir.resolve("groundwork.db"));
        store = new StudyStore(database, StoreFixture.clock());
        // A little of everything, so that the planner sees real tables rather than empty ones.
        for (int i = 0; i < 20; i++) {
            var idea = store.ideas().propose(new NewIdea(i / 5, IdeaOrigin.CATALOG, "idea " + i, "text"));
            var patch = store.patches().add(new NewPatch(idea.id(), "diff", "abc", null, "catalog"));
            for (int attempt = 0; attempt < 2; attempt++) {
                var run = store.runs().queue(new NewRun(patch.id(), idea.id(), i / 5, null));
                store.runs().markStarting(run.id(), "local", List.of(), "log");
                store.runs().markRunning(run.id(), "1", Reproducibility.none());
                store.runs().finish(run.id(), RunStatus.SUCCEEDED, 0, null, 1.0 + i);
            }
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Study databases are never ANALYZEd, so the planner works without statistics; with them, nothing gets worse. */
    @Test
    void statusIdeasPageAndExportQueriesReadNoBigTablePerRow() {
        assertIndexDriven();
        database.write(connection -> {
            connection.createStatement().execute("ANALYZE");
            return null;
        });
        assertIndexDriven();
    }

    private void assertIndexDriven() {
        List<String> queries = List.of(
                StatusRepository.BEST.formatted("ASC"),
                StatusRepository.BEST.formatted("DESC"),
                RunRepository.BASELINE_REWARD,
                RunRepository.BEST_REWARD_BY_IDEA.formatted("min"),
                RunRepository.BEST_REWARD_BY_IDEA.formatted("max"),
                "UPDATE runs SET reward_counts = " + RunRepository.FIRST_SUCCESS + " WHERE id = 1",
                AnalyticsRepository.RUNS,
                AnalyticsRepository.PATCHES,
                AnalyticsRepository.IDEA_COSTS,
                AnalyticsRepository.EPOCH_COSTS,
                AnalyticsRepository.STEP_RANGE,
                AnalyticsRepository.BUCKETS,
                AnalyticsRepository.NAMES);
        database.read(connection -> {
            for (String sql : queries) {
                assertThat(QueryPlanGuard.quadraticSteps(connection, sql, ALIASES))
                        .as("%s%n%s", sql, QueryPlanGuard.plan(connection, sql)).isEmpty();
            }
            return null;
        });
    }

    /**
     * A series is read per run through the primary key, never by scanning the points table (10M rows in a big study):
     * the thinning groups one run's range, and each bucket's ends are fetched by their key.
     */
    @Test
    void seriesQueriesReadOnlyTheRunsPrimaryKeyRange() {
        for (boolean analyzed : new boolean[] {false, true}) {
            if (analyzed) {
                database.write(connection -> connection.createStatement().execute("ANALYZE"));
            }
            for (String sql : List.of(AnalyticsRepository.STEP_RANGE, AnalyticsRepository.BUCKETS, AnalyticsRepository.NAMES)) {
                String plan = database.read(connection -> QueryPlanGuard.plan(connection, sql));
                assertThat(plan.lines().filter(step -> step.matches(".*: SCAN (metric_points|p|f|l)\\b.*")))
                        .as("%s%n%s", sql, plan).isEmpty();
            }
        }
    }

    @Test
    void theGuardCatchesTheCorrelatedSubqueryThatMadeStatusQuadratic() throws SQLException {
        // How "which run counts" was derived before reward_counts: every earlier success of the study, per run.
        String derived = "SELECT r.idea_id, min(r.reward) FROM runs r WHERE r.idea_id IS NOT NULL AND r.status = 'succeeded'"
                + " AND NOT EXISTS (SELECT 1 FROM runs e WHERE e.status = 'succeeded' AND e.id < r.id"
                + " AND (e.patch_id = r.patch_id OR (r.patch_id IS NULL AND r.idea_id IS NULL"
                + " AND e.patch_id IS NULL AND e.idea_id IS NULL))) GROUP BY r.idea_id";
        List<String> steps = database.read(connection -> QueryPlanGuard.quadraticSteps(connection, derived, ALIASES));
        String plan = database.read(connection -> QueryPlanGuard.plan(connection, derived));
        assertThat(steps).as(plan).isNotEmpty().allMatch(step -> step.contains(" e"));
    }
}
