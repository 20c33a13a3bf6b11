package dev.groundwork.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.llm.LlmRole;
import dev.groundwork.model.llm.NewLlmCall;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.history.Bucket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsRepositoryTest {

    @TempDir
    Path dir;

    private StudyStore store;

    @BeforeEach
    void open() throws Exception {
        store = StoreFixture.open(dir, StoreFixture.clock());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long run() {
        var idea = store.ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "idea", "text"));
        var patch = store.patches().add(new NewPatch(idea.id(), "diff", "abc", null, "catalog"));
        return store.runs().queue(new NewRun(patch.id(), idea.id(), 0, Reproducibility.none())).id();
    }

    /** Steps from {@code first}, some skipped, values noisy with rare spikes both ways. */
    private static List<MetricPoint> noisy(long runId, Random random, int n, long first) {
        List<MetricPoint> points = new ArrayList<>();
        long step = first;
        for (int i = 0; i < n; i++) {
            step += 1 + (random.nextInt(10) == 0 ? random.nextInt(5) : 0);
            double value = 3.0 / (1 + i * 0.01) + random.nextGaussian() * 0.05
                    + (random.nextInt(500) == 0 ? (random.nextBoolean() ? 40 : -40) : 0);
            points.add(new MetricPoint(runId, "val_loss", step, value, step * 0.25));
        }
        return points;
    }

    /**
     * Property: however long the series and however many buckets, every bucket holds exactly the lowest and highest value
     * of the points whose steps fall in its share of the range, and its first and last point; no point is lost.
     */
    @RepeatedTest(6)
    void eachBucketKeepsItsPointsExtremesAndEnds() {
        Random random = new Random(System.nanoTime());
        long a = run();
        long b = run();
        List<MetricPoint> first = noisy(a, random, 500 + random.nextInt(20_000), random.nextInt(100));
        List<MetricPoint> second = noisy(b, random, 500 + random.nextInt(5_000), random.nextInt(3_000));
        store.metrics().append(first);
        store.metrics().append(second);
        store.metrics().flush();
        int buckets = 1 + random.nextInt(1_500);

        Map<Long, List<Bucket>> series = store.analytics().series(List.of(a, b), "val_loss", buckets);

        long lo = Math.min(first.getFirst().step(), second.getFirst().step());
        long hi = Math.max(first.getLast().step(), second.getLast().step());
        for (var entry : List.of(Map.entry(a, first), Map.entry(b, second))) {
            List<Bucket> thinned = series.get(entry.getKey());
            assertThat(thinned).hasSizeLessThanOrEqualTo(buckets);
            assertThat(thinned.stream().mapToInt(Bucket::count).sum()).isEqualTo(entry.getValue().size());
            for (Bucket bucket : thinned) {
                long index = (bucket.firstStep() - lo) * buckets / (hi - lo + 1);
                List<MetricPoint> inside = entry.getValue().stream()
                        .filter(p -> (p.step() - lo) * buckets / (hi - lo + 1) == index).toList();
                assertThat(bucket.count()).isEqualTo(inside.size());
                assertThat(bucket.min()).isEqualTo(inside.stream().mapToDouble(MetricPoint::value).min().orElseThrow());
                assertThat(bucket.max()).isEqualTo(inside.stream().mapToDouble(MetricPoint::value).max().orElseThrow());
                assertThat(bucket.first()).isEqualTo(inside.getFirst().value());
                assertThat(bucket.last()).isEqualTo(inside.getLast().value());
                assertThat(bucket.lastWall()).isEqualTo(inside.getLast().wallTime());
            }
            assertThat(thinned).extracting(Bucket::firstStep).isSorted();
        }
    }

    @Test
    void aRunWithoutTheMetricIsLeftOutAndAnUnknownMetricIsEmpty() {
        long a = run();
        long b = run();
        store.metrics().append(List.of(new MetricPoint(a, "val_loss", 0, 1.0, 0), new MetricPoint(b, "lr", 0, 0.1, 0)));
        store.metrics().flush();

        assertThat(store.analytics().series(List.of(a, b), "val_loss", 10)).containsOnlyKeys(a);
        assertThat(store.analytics().series(List.of(a, b), "accuracy", 10)).isEmpty();
        assertThat(store.analytics().metricNames(List.of(a, b))).containsExactly("lr", "val_loss");
        assertThat(store.analytics().metricNames(List.of(b))).containsExactly("lr");
    }

    @Test
    void runsPatchesAndCostsAreReadInBulk() {
        long a = run();
        store.runs().markStarting(a, "local", List.of(0), "log");
        store.runs().markRunning(a, "1", Reproducibility.none());
        store.runs().finish(a, RunStatus.SUCCEEDED, 0, null, 2.5);
        long ideaId = store.runs().get(a).ideaId();
        store.llmCalls().record(new NewLlmCall(LlmRole.IDEATOR, "p", "m", ideaId, 3, 10, 20, 0.25, 5, "prompt", "answer", null));
        store.llmCalls().record(new NewLlmCall(LlmRole.IDEATOR, "p", "m", null, 3, 10, 20, 0.5, 5, "prompt", "answer", null));

        var runs = store.analytics().runs();
        assertThat(runs).hasSize(1);
        assertThat(runs.getFirst().counts()).isTrue();
        assertThat(runs.getFirst().reward()).isEqualTo(2.5);
        assertThat(store.analytics().patches()).singleElement().satisfies(p -> assertThat(p.ideaId()).isEqualTo(ideaId));
        assertThat(store.analytics().llmUsdByIdea()).containsEntry(ideaId, 0.25).hasSize(1);
        assertThat(store.analytics().llmUsdByEpoch()).containsEntry(3L, 0.75);
    }
}
