package dev.groundwork.model.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdeaLabelsTest {

    private static final String TITLE = "See 10 characters of history\n  instead of 4";

    @Test
    void aShortLabelIsTheNumberAndTheTitleCutToTwentyEightCharactersOnOneLine() {
        assertThat(IdeaLabels.of(7, TITLE)).isEqualTo("#7 See 10 characters of histor…");
        assertThat(IdeaLabels.of(7, " momentum ")).isEqualTo("#7 momentum");
    }

    @Test
    void theWholeLabelKeepsTheWholeTitleOnOneLine() {
        assertThat(IdeaLabels.whole(7, TITLE)).isEqualTo("#7 See 10 characters of history instead of 4");
    }
}
