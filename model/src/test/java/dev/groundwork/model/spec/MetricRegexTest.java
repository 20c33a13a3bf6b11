package dev.groundwork.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class MetricRegexTest {

    static final String NANOGPT =
            "step:(?<step>\\d+)/\\d+ val_loss:(?<val_loss>[\\d.]+) train_time:(?<train_time_ms>\\d+)ms";

    @Test
    void acceptsGroupNamesWithUnderscores() {
        MetricRegex regex = MetricRegex.compile(NANOGPT);

        assertThat(regex.groupNames()).containsExactly("step", "val_loss", "train_time_ms");
        assertThat(regex.metricNames()).containsExactly("val_loss", "train_time_ms");
        assertThat(regex.source()).isEqualTo(NANOGPT);
    }

    @Test
    void findsTheMetricsAnywhereInALine() {
        MetricRegex regex = MetricRegex.compile(NANOGPT);

        assertThat(regex.match("[rank0] step:10/100 val_loss:3.2 train_time:123ms step_avg:12ms"))
                .contains(Map.of("step", "10", "val_loss", "3.2", "train_time_ms", "123"));
        assertThat(regex.match("step:10/100 train_loss:3.4")).isEmpty();
    }

    @Test
    void leavesOutGroupsThatDidNotTakePart() {
        MetricRegex regex = MetricRegex.compile("step (?<step>\\d+)(?: val_loss (?<val_loss>[\\d.]+))?");

        assertThat(regex.match("step 5")).contains(Map.of("step", "5"));
        assertThat(regex.match("step 6 val_loss 2.5")).contains(Map.of("step", "6", "val_loss", "2.5"));
    }

    @Test
    void leavesLookBehindsAlone() {
        MetricRegex regex = MetricRegex.compile("(?<=step=)(?<step>\\d+)(?<!0) (?<=loss=)?loss=(?<val_loss>[\\d.]+)");

        assertThat(regex.groupNames()).containsExactly("step", "val_loss");
        assertThat(regex.match("step=12 loss=0.5")).contains(Map.of("step", "12", "val_loss", "0.5"));
        assertThat(regex.match("step=10 loss=0.5")).isEmpty();
    }

    @Test
    void leavesEscapesQuotesAndCharacterClassesAlone() {
        MetricRegex regex = MetricRegex.compile("\\(?<a_b>\\Q(?<c_d>)\\E[(?<e_f>)](?<step>\\d+)");

        assertThat(regex.groupNames()).containsExactly("step");
        assertThat(regex.match("<a_b>(?<c_d>)<7")).contains(Map.of("step", "7"));
    }

    @Test
    void readsAClosingBracketFirstInAClassAsALiteral() {
        MetricRegex regex = MetricRegex.compile("[]a](?<step>\\d+)[^]](?<val_loss>\\d)");

        assertThat(regex.match("]12x3")).contains(Map.of("step", "12", "val_loss", "3"));
    }

    @Test
    void renamesBackReferencesAndAcceptsPythonStyleGroups() {
        MetricRegex regex = MetricRegex.compile("(?P<step>\\d+) (?<the_word>\\w+) \\k<the_word>");

        assertThat(regex.groupNames()).containsExactly("step", "the_word");
        assertThat(regex.match("3 loss loss")).contains(Map.of("step", "3", "the_word", "loss"));
        assertThat(regex.match("3 loss gain")).isEmpty();
    }

    @Test
    void reportsSyntaxErrorsAtTheirPositionAsWritten() {
        assertThatThrownBy(() -> MetricRegex.compile("(?<val_loss>[\\d.]+ (?<step>\\d+"))
                .isInstanceOfSatisfying(PatternSyntaxException.class, e -> {
                    assertThat(e.getDescription()).isEqualTo("Unclosed group");
                    assertThat(e.getPattern()).isEqualTo("(?<val_loss>[\\d.]+ (?<step>\\d+");
                    assertThat(e.getIndex()).isEqualTo(30);
                });
        assertThatThrownBy(() -> MetricRegex.compile("(?<step>\\d+) (?<x>\\d+) (?<step>\\d+)"))
                .isInstanceOfSatisfying(PatternSyntaxException.class, e -> {
                    assertThat(e.getDescription()).isEqualTo("the group name step is used twice");
                    assertThat(e.getIndex()).isEqualTo(23);
                });
    }

    @Test
    void equalWhenWrittenAlike() {
        assertThat(MetricRegex.compile(NANOGPT)).isEqualTo(MetricRegex.compile(NANOGPT));
        assertThat(MetricRegex.compile(NANOGPT)).hasToString(NANOGPT);
    }
}
