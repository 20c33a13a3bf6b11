package dev.groundwork.model.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSnifferTest {

    @Test
    void jsonLinesAmongOrdinaryOutput() {
        MetricSniffer sniffer = new MetricSniffer();
        for (String line : List.of("loading data", "{\"step\": 0, \"train_loss\": 4.1, \"val_loss\": 4.2}",
                "{\"step\": 100, \"train_loss\": 2.1, \"val_loss\": 2.4, \"lr\": 0.001}", "done in 3.2 s")) {
            sniffer.accept(line);
        }
        assertThat(sniffer.seen()).extracting(MetricSniffer.Seen::kind)
                .containsExactly(MetricSniffer.Kind.JSON, MetricSniffer.Kind.JSON);
        assertThat(sniffer.seen().getLast().values()).containsEntry("val_loss", 2.4).containsEntry("lr", 0.001);
        assertThat(sniffer.proposal()).hasValueSatisfying(proposal -> {
            assertThat(proposal.format()).isEqualTo(MetricFormat.JSONL);
            assertThat(proposal.metrics()).containsExactly("train_loss", "val_loss", "lr");
            assertThat(proposal.reward()).isEqualTo("val_loss");
            assertThat(proposal.goal()).isEqualTo("minimize");
            assertThat(proposal.lines()).isEqualTo(2);
        });
    }

    @Test
    void keyValueAndKeyColonPairs() {
        MetricSniffer sniffer = new MetricSniffer();
        sniffer.accept("epoch=1 loss=0.93 acc=0.71 lr=3e-4");
        sniffer.accept("Epoch 2 done");
        sniffer.accept("epoch: 2, loss: 0.61, acc: 0.80, lr: 3e-4");
        assertThat(sniffer.seen()).hasSize(2);
        assertThat(sniffer.seen().getLast().values()).as("each line's values, for a window that shows the last ones")
                .containsExactly(java.util.Map.entry("loss", 0.61), java.util.Map.entry("acc", 0.80),
                        java.util.Map.entry("lr", 3e-4));
        assertThat(sniffer.proposal()).hasValueSatisfying(proposal -> {
            assertThat(proposal.format().parser()).isEqualTo("regex");
            assertThat(proposal.metrics()).containsExactly("loss", "acc", "lr");
            assertThat(proposal.reward()).isEqualTo("acc");
            assertThat(proposal.goal()).isEqualTo("maximize");
            assertThat(proposal.lines()).isEqualTo(2);
        });
    }

    @Test
    void moddedNanogptLines() {
        MetricSniffer sniffer = new MetricSniffer();
        sniffer.accept("step:0/1750 val_loss:10.8258 train_time:0ms step_avg:nanms");
        sniffer.accept("step:1/1750 train_time:152ms step_avg:nanms");
        sniffer.accept("step:125/1750 val_loss:4.2816 train_time:35123ms step_avg:281.0ms");
        assertThat(sniffer.seen()).extracting(MetricSniffer.Seen::kind).containsOnly(MetricSniffer.Kind.NANOGPT);
        assertThat(sniffer.proposal()).hasValueSatisfying(proposal -> {
            assertThat(proposal.metrics()).containsExactly("val_loss", "train_time", "step_avg");
            assertThat(proposal.reward()).isEqualTo("val_loss");
            assertThat(proposal.lines()).isEqualTo(3);
        });
    }

    @Test
    void noMetricLinesNoProposal() {
        MetricSniffer sniffer = new MetricSniffer();
        sniffer.accept("hello");
        sniffer.accept("loss went down: 0.3");
        assertThat(sniffer.proposal()).isEmpty();
    }
}
