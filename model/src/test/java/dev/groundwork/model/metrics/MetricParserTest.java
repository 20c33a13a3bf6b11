package dev.groundwork.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.metrics.MetricParser.Value;
import dev.groundwork.model.spec.MetricRegex;
import dev.groundwork.model.spec.MetricsSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricParserTest {

    private final MetricParser jsonl = MetricParser.of(new MetricsSpec(MetricsSpec.Parser.JSONL, Optional.empty()));

    private static MetricParser regex(String regex) {
        return MetricParser.of(new MetricsSpec(MetricsSpec.Parser.REGEX, Optional.of(MetricRegex.compile(regex))));
    }

    @Test
    void readsEveryNumericFieldOfAJsonLineAtItsStep() {
        assertThat(jsonl.parse("{\"step\": 10, \"val_loss\": 3.2, \"lr\": 1e-3, \"tokens\": 4096}"))
                .containsExactly(new Value("val_loss", 10, 3.2), new Value("lr", 10, 0.001),
                        new Value("tokens", 10, 4096));
    }

    @Test
    void findsTheStepWhereverItIsAndAcceptsWholeFloats() {
        assertThat(jsonl.parse("  {\"loss\": 2.5, \"step\": 7.0}  ")).containsExactly(new Value("loss", 7, 2.5));
    }

    @Test
    void fallsBackToIterThenIterationAndNeverReportsStepFieldsAsMetrics() {
        assertThat(jsonl.parse("{\"iter\": 3, \"loss\": 1}")).containsExactly(new Value("loss", 3, 1));
        assertThat(jsonl.parse("{\"iteration\": 4, \"loss\": 1}")).containsExactly(new Value("loss", 4, 1));
        assertThat(jsonl.parse("{\"iteration\": 4, \"iter\": 9, \"step\": 2, \"loss\": 1}"))
                .containsExactly(new Value("loss", 2, 1));
        assertThat(jsonl.parse("{\"step\": \"warmup\", \"iter\": 5, \"loss\": 1}"))
                .containsExactly(new Value("loss", 5, 1));
    }

    @Test
    void skipsBooleansStringsNullsArraysAndNestedObjects() {
        assertThat(jsonl.parse("{\"step\": 1, \"ok\": true, \"tag\": \"a\", \"n\": null, \"xs\": [1, 2],"
                + " \"sub\": {\"loss\": 9, \"deep\": {\"x\": 1}}, \"loss\": 0.5}"))
                .containsExactly(new Value("loss", 1, 0.5));
    }

    @Test
    void keepsNonFiniteValuesSoThatADivergedRunScoresAsFailed() {
        assertThat(jsonl.parse("{\"step\": 3, \"loss\": NaN, \"grad\": Infinity, \"low\": -Infinity, \"lr\": 0.1}"))
                .containsExactly(new Value("loss", 3, Double.NaN), new Value("grad", 3, Double.POSITIVE_INFINITY),
                        new Value("low", 3, Double.NEGATIVE_INFINITY), new Value("lr", 3, 0.1));
        assertThat(jsonl.parse("{\"step\": 3, \"big\": 1e400}")).containsExactly(new Value("big", 3, Double.POSITIVE_INFINITY));
    }

    @Test
    void ignoresLinesThatAreNotOneJsonObjectWithAWholeStep() {
        assertThat(jsonl.parse("")).isEmpty();
        assertThat(jsonl.parse("step 10 loss 3.2")).isEmpty();
        assertThat(jsonl.parse("{")).isEmpty();
        assertThat(jsonl.parse("{}")).isEmpty();
        assertThat(jsonl.parse("{'step': 1, 'loss': 2.0}")).isEmpty();
        assertThat(jsonl.parse("{\"loss\": 3.2}")).isEmpty();
        assertThat(jsonl.parse("{\"step\": 1.5, \"loss\": 3.2}")).isEmpty();
        assertThat(jsonl.parse("{\"step\": 99999999999999999999999, \"loss\": 3.2}")).isEmpty();
        assertThat(jsonl.parse("{\"step\": 1, \"loss\": 3.2} {\"step\": 2}")).isEmpty();
        assertThat(jsonl.parse("[{\"step\": 1, \"loss\": 3.2}]")).isEmpty();
    }

    @Test
    void readsNamedGroupsOfARegexLine() {
        MetricParser parser = regex(
                "step:(?<step>\\d+)/\\d+ val_loss:(?<val_loss>[\\d.]+) train_time:(?<train_time_ms>\\d+)ms");

        assertThat(parser.parse("step:10/100 val_loss:3.2 train_time:123ms step_avg:12.3ms"))
                .containsExactly(new Value("val_loss", 10, 3.2), new Value("train_time_ms", 10, 123));
        assertThat(parser.parse("step:10/100 train_loss:3.4")).isEmpty();
    }

    @Test
    void skipsRegexGroupsThatAreMissingOrNotFiniteNumbers() {
        MetricParser parser = regex("it (?<step>\\S+)(?: loss (?<loss>\\S+))?(?: acc (?<acc>\\S+))?");

        assertThat(parser.parse("it 4 loss nan acc 0.9")).containsExactly(new Value("acc", 4, 0.9));
        assertThat(parser.parse("it 4 loss 1..2 acc inf")).isEmpty();
        assertThat(parser.parse("it 5")).isEmpty();
        assertThat(parser.parse("it 5.5 loss 2")).isEmpty();
        assertThat(parser.parse("it x loss 2")).isEmpty();
    }
}
