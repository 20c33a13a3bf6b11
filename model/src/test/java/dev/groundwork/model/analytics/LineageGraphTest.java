package dev.groundwork.model.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class LineageGraphTest {

    @Test
    void nodesCarryTheirKindParentAndExemplarsAndRootsHangOffTheBaseline() {
        LineageGraph graph = LineageGraph.of(new Facts().baseline(2.0)
                .idea(1, 0).idea(2, 0).idea(3, 0, IdeaOrigin.HUMAN, IdeaStatus.UNIMPLEMENTABLE)
                .idea(4, 1, IdeaOrigin.LLM_EXPLOIT, IdeaStatus.IMPLEMENTED, 2L, 1L)
                .idea(5, 1, IdeaOrigin.LLM_EXPLORE, IdeaStatus.REJECTED)
                .scored(1, 0, 1.5).run(2, 0, "failed", null, "oom").scored(4, 1, 1.2)
                .build(Direction.MINIMIZE), "baseline");

        assertThat(graph.size()).isEqualTo(6);
        assertThat(graph.node(1).orElseThrow().parent()).isEqualTo(LineageGraph.BASELINE);
        assertThat(graph.node(4).orElseThrow().parent()).isEqualTo(2L);
        assertThat(graph.node(4).orElseThrow().exemplars()).containsExactly(1L);
        assertThat(graph.children(LineageGraph.BASELINE)).containsExactly(1L, 2L, 3L, 5L);
        assertThat(graph.node(2).orElseThrow().kind()).isEqualTo(LineageGraph.Kind.FAILED);
        assertThat(graph.node(3).orElseThrow().kind()).isEqualTo(LineageGraph.Kind.UNIMPLEMENTABLE);
        assertThat(graph.node(3).orElseThrow().humanSeeded()).isTrue();
        assertThat(graph.node(5).orElseThrow().kind()).isEqualTo(LineageGraph.Kind.REJECTED);
        assertThat(graph.node(4).orElseThrow().approval().by()).isEqualTo("ann");
        assertThat(graph.ancestors(4)).containsExactly(2L, 1L, LineageGraph.BASELINE);
    }

    @Test
    void theBestPathStepsToTheBestRewardedParentEachTime() {
        // 6 ← {4 (1.1), 5 (1.4)}; 4 ← {1 (1.8), 2 (1.6)}: the path goes 6 → 4 → 2, not through the first-listed parents.
        LineageGraph graph = LineageGraph.of(new Facts().baseline(2.0)
                .idea(1, 0).idea(2, 0).idea(3, 0)
                .idea(4, 1, 1L, 2L).idea(5, 1, 3L)
                .idea(6, 2, 5L, 4L)
                .scored(1, 0, 1.8).scored(2, 0, 1.6).scored(3, 0, 1.9).scored(4, 1, 1.1).scored(5, 1, 1.4).scored(6, 2, 0.9)
                .build(Direction.MINIMIZE), "baseline");

        assertThat(graph.bestPath()).containsExactly(LineageGraph.BASELINE, 2L, 4L, 6L);
    }

    @Test
    void anIdeaPromotedToTheBaselineIsMarkedByItsLatestPromotionAndPromotionsOutsideTheTreeAreLeftOut() {
        java.time.Instant first = java.time.Instant.parse("2026-12-01T10:00:00Z");
        java.time.Instant second = java.time.Instant.parse("2026-12-02T10:00:00Z");
        List<dev.groundwork.model.promotion.Promotion> promotions = List.of(
                new dev.groundwork.model.promotion.Promotion(1, 2, 20, "a", "b", 2.0, 1.6, 0, 5, first),
                new dev.groundwork.model.promotion.Promotion(2, 99, 990, "b", "c", 1.6, 1.0, 1, 9, first),
                new dev.groundwork.model.promotion.Promotion(3, 2, 21, "c", "d", 1.6, 1.5, 1, 12, second));
        LineageGraph graph = LineageGraph.of(new Facts().baseline(2.0).idea(1, 0).idea(2, 0).scored(2, 0, 1.6)
                .build(Direction.MINIMIZE), "baseline", promotions);

        assertThat(graph.promotions()).extracting(dev.groundwork.model.promotion.Promotion::id).containsExactly(1L, 3L);
        assertThat(graph.promotion(2)).get().extracting(dev.groundwork.model.promotion.Promotion::promotedAt)
                .isEqualTo(second);
        assertThat(graph.promotion(1)).isEmpty();
    }

    @Test
    void aMaximizedRewardPicksTheHighestAndNoScoreMeansNoPath() {
        Facts facts = new Facts().baseline(0.5).idea(1, 0).idea(2, 0).idea(3, 1, 1L, 2L);
        assertThat(LineageGraph.of(facts.build(Direction.MAXIMIZE), "b").bestPath()).isEmpty();
        facts.scored(1, 0, 0.6).scored(2, 0, 0.7).scored(3, 1, 0.8);
        assertThat(LineageGraph.of(facts.build(Direction.MAXIMIZE), "b").bestPath())
                .containsExactly(LineageGraph.BASELINE, 2L, 3L);
    }

    /**
     * Property, on random lineages: the path starts at the baseline, ends at the argbest idea, and each step goes from a
     * node to the best-rewarded of its parents (to its parent edge when none of them is scored).
     */
    @RepeatedTest(20)
    void theBestPathIsTheArgbestChainOnRandomLineages() {
        Random random = new Random(System.nanoTime());
        Direction direction = random.nextBoolean() ? Direction.MINIMIZE : Direction.MAXIMIZE;
        Facts facts = new Facts().baseline(1.0);
        int n = 2 + random.nextInt(200);
        for (long id = 1; id <= n; id++) {
            int epoch = (int) (id * 6 / (n + 1));
            Long[] parents = id < 3 || epoch == 0 ? new Long[0]
                    : random.ints(random.nextInt(3), 1, (int) id).distinct().mapToObj(Long::valueOf).toArray(Long[]::new);
            facts.idea(id, epoch, parents);
            if (random.nextInt(4) > 0) {
                facts.scored(id, epoch, random.nextDouble() * 2);
            }
        }
        StudyFacts built = facts.build(direction);
        LineageGraph graph = LineageGraph.of(built, "b");
        List<Long> path = graph.bestPath();
        LineageGraph.Node best = graph.nodes().stream().filter(node -> node.kind() == LineageGraph.Kind.SCORED)
                .reduce((a, b) -> direction.better(b.reward(), a.reward()) ? b : a).orElse(null);
        if (best == null) {
            assertThat(path).isEmpty();
            return;
        }
        assertThat(path.getFirst()).isEqualTo(LineageGraph.BASELINE);
        assertThat(path.getLast()).isEqualTo(best.id());
        for (int i = path.size() - 1; i > 0; i--) {
            LineageGraph.Node child = graph.node(path.get(i)).orElseThrow();
            List<LineageGraph.Node> parents = built.idea(child.id()).orElseThrow().parents().stream()
                    .map(id -> graph.node(id).orElseThrow()).filter(node -> node.reward() != null).toList();
            long expected = parents.stream().reduce((a, b) -> direction.better(b.reward(), a.reward()) ? b : a)
                    .map(LineageGraph.Node::id).orElse(child.parent());
            assertThat(path.get(i - 1)).as("parent of %d", child.id()).isEqualTo(expected);
        }
    }
}
