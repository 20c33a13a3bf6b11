package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lineage's layout: columns in epoch order, no two boxes overlapping, children beside their parents. */
class LayeredLayoutTest {

    private static List<LayeredLayout.Input> randomTree(Random random, int size) {
        List<LayeredLayout.Input> nodes = new ArrayList<>();
        nodes.add(new LayeredLayout.Input(0, -1, null));
        for (long id = 1; id < size; id++) {
            int epoch = (int) (id * 12 / size);
            List<LayeredLayout.Input> earlier = nodes.stream().filter(node -> node.layer() < epoch).toList();
            Long parent = earlier.get(random.nextInt(earlier.size())).id();
            nodes.add(new LayeredLayout.Input(id, epoch, parent));
        }
        java.util.Collections.shuffle(nodes, random);
        return nodes;
    }

    @Test
    void noTwoNodesOverlapAndColumnsFollowTheEpochs() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            List<LayeredLayout.Input> nodes = randomTree(random, 50 + random.nextInt(2_000));
            LayeredLayout layout = LayeredLayout.of(nodes);

            assertThat(layout.size()).isEqualTo(nodes.size());
            for (LayeredLayout.Input a : nodes) {
                for (LayeredLayout.Input b : nodes) {
                    LayeredLayout.Place pa = layout.place(a.id());
                    LayeredLayout.Place pb = layout.place(b.id());
                    if (a.layer() < b.layer()) {
                        assertThat(pa.x() + LayeredLayout.NODE_WIDTH).as("epoch order").isLessThan(pb.x());
                    }
                    if (a.id() < b.id() && pa.x() == pb.x()) {
                        assertThat(Math.abs(pa.y() - pb.y())).as("boxes %d and %d", a.id(), b.id())
                                .isGreaterThanOrEqualTo(LayeredLayout.NODE_HEIGHT);
                    }
                    if (a.id() < b.id() && pa.x() != pb.x()) {
                        assertThat(Math.abs(pa.x() - pb.x())).isGreaterThanOrEqualTo(LayeredLayout.NODE_WIDTH);
                    }
                }
                if (trial > 3) {
                    break; // the all-pairs check once per tree beyond the first few; the rest check one node's pairs
                }
            }
        }
    }

    @Test
    void anEdgeToALaterEpochThanTheNextCrossesEachColumnBetweenInAGapNotThroughABox() {
        Random random = new Random(11);
        int crossings = 0;
        for (int trial = 0; trial < 10; trial++) {
            List<LayeredLayout.Input> nodes = randomTree(random, 50 + random.nextInt(1_500));
            LayeredLayout layout = LayeredLayout.of(nodes);
            for (LayeredLayout.Input node : nodes) {
                if (node.parent() == null) {
                    continue;
                }
                LayeredLayout.Place from = layout.place(node.parent());
                LayeredLayout.Place to = layout.place(node.id());
                double[] passes = layout.passes(from, to);
                assertThat(passes).hasSize(Math.max(0, to.column() - from.column() - 1));
                for (int i = 0; i < passes.length; i++) {
                    double y = passes[i];
                    for (LayeredLayout.Place box : layout.columns().get(from.column() + 1 + i)) {
                        assertThat(y).as("edge %d→%d in column %d", node.parent(), node.id(), from.column() + 1 + i)
                                .satisfiesAnyOf(line -> assertThat(line).isLessThan(box.y()),
                                        line -> assertThat(line).isGreaterThan(box.y() + LayeredLayout.NODE_HEIGHT));
                    }
                    crossings++;
                }
            }
        }
        assertThat(crossings).as("the random trees have long edges").isGreaterThan(1_000);
    }

    @Test
    void aLongEdgeGoesJustAboveOrBelowABoxInItsWay() {
        // The baseline's child in epoch 2 passes epoch 0, whose one box sits on the same line: it goes round it.
        LayeredLayout layout = LayeredLayout.of(List.of(
                new LayeredLayout.Input(0, -1, null),
                new LayeredLayout.Input(1, 0, 0L),
                new LayeredLayout.Input(2, 2, 0L)));
        double[] passes = layout.passes(layout.place(0), layout.place(2));
        double middle = LayeredLayout.NODE_HEIGHT / 2;
        assertThat(passes).hasSize(1);
        assertThat(Math.abs(passes[0] - middle)).as("just above or below the box in its way")
                .isEqualTo(middle + (LayeredLayout.ROW_STEP - LayeredLayout.NODE_HEIGHT) / 2);
        assertThat(layout.passes(layout.place(0), layout.place(1))).as("the next column: no pass").isEmpty();
    }

    @Test
    void childrenAreOrderedAsTheirParentsAreSoThatEdgesDoNotCross() {
        // Two parents, the second below the first; their children must keep that order in the next column.
        LayeredLayout layout = LayeredLayout.of(List.of(
                new LayeredLayout.Input(0, -1, null),
                new LayeredLayout.Input(1, 0, 0L), new LayeredLayout.Input(2, 0, 0L),
                new LayeredLayout.Input(3, 1, 2L), new LayeredLayout.Input(4, 1, 1L), new LayeredLayout.Input(5, 1, 2L)));

        assertThat(layout.columns()).hasSize(3);
        assertThat(layout.columns().get(2)).extracting(LayeredLayout.Place::id).containsExactly(4L, 3L, 5L);
        assertThat(layout.place(0).y() + LayeredLayout.NODE_HEIGHT / 2)
                .as("each column centred on the same line")
                .isEqualTo((layout.place(1).y() + layout.place(2).y()) / 2 + LayeredLayout.NODE_HEIGHT / 2);
    }
}
