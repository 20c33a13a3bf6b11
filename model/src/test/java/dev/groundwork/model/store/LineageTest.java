package dev.groundwork.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Lineage queries on 1,000 ideas bred over 10 epochs, checked against a breadth-first search in memory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageTest {

    private StudyStore store;
    private final Map<Long, List<Long>> parentsOf = new HashMap<>();
    private final Map<Long, List<Long>> childrenOf = new HashMap<>();
    private final List<Long> ids = new ArrayList<>();

    @BeforeAll
    void breed(@TempDir Path dir) throws Exception {
        store = StoreFixture.open(dir, StoreFixture.clock());
        Random random = new Random(2026);
        for (int i = 0; i < 1000; i++) {
            int epoch = i / 100;
            List<Long> parents = new ArrayList<>();
            if (epoch > 0) {
                // One or two parents from earlier epochs: a DAG, as crossover makes.
                int count = 1 + random.nextInt(2);
                Set<Long> chosen = new LinkedHashSet<>();
                while (chosen.size() < count) {
                    chosen.add(ids.get(random.nextInt(epoch * 100)));
                }
                parents.addAll(chosen);
            }
            Idea idea = store.ideas().propose(new NewIdea(epoch, IdeaOrigin.LLM_EXPLOIT, "idea " + i, "", parents, null));
            ids.add(idea.id());
            parentsOf.put(idea.id(), parents);
            for (long parent : parents) {
                childrenOf.computeIfAbsent(parent, key -> new ArrayList<>()).add(idea.id());
            }
        }
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void ancestorsAreEveryIdeaReachableThroughParentsNearestFirst() {
        for (long id : sample()) {
            Map<Long, Integer> expected = reach(id, key -> parentsOf.getOrDefault(key, List.of()));
            List<Idea> ancestors = store.ideas().ancestors(id);
            assertThat(ancestors).extracting(Idea::id).containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(ancestors).extracting(idea -> expected.get(idea.id())).isSorted();
        }
    }

    @Test
    void descendantsAndSubtreesAreEveryIdeaReachableThroughChildren() {
        for (long id : sample()) {
            Map<Long, Integer> expected = reach(id, key -> childrenOf.getOrDefault(key, List.of()));
            assertThat(store.ideas().descendants(id)).extracting(Idea::id)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            List<Idea> subtree = store.ideas().subtree(id);
            assertThat(subtree.getFirst().id()).isEqualTo(id);
            assertThat(subtree).hasSize(expected.size() + 1);
        }
        assertThat(store.ideas().subtree(999_999)).isEmpty();
    }

    @Test
    void theEdgeMapHoldsEveryParentLink() {
        Map<Long, List<Long>> children = store.ideas().children();
        long edges = children.values().stream().mapToLong(List::size).sum();
        assertThat(edges).isEqualTo(parentsOf.values().stream().mapToLong(List::size).sum());
        assertThat(store.ideas().all()).hasSize(1000);
        assertThat(store.ideas().get(ids.get(500)).parents()).isEqualTo(parentsOf.get(ids.get(500)));
    }

    private List<Long> sample() {
        return List.of(ids.get(0), ids.get(7), ids.get(150), ids.get(420), ids.get(777), ids.get(999));
    }

    /** Breadth-first distances from {@code start} over {@code next}, start excluded. */
    private static Map<Long, Integer> reach(long start, Function<Long, List<Long>> next) {
        Map<Long, Integer> depth = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>(List.of(start));
        Map<Long, Integer> seen = new HashMap<>(Map.of(start, 0));
        while (!queue.isEmpty()) {
            long current = queue.poll();
            for (long neighbour : next.apply(current)) {
                if (!seen.containsKey(neighbour)) {
                    seen.put(neighbour, seen.get(current) + 1);
                    depth.put(neighbour, seen.get(current) + 1);
                    queue.add(neighbour);
                }
            }
        }
        return depth;
    }
}
