package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Labels measured by their characters' advances come out as wide as JavaFX lays them out, and a label cut to a width
 * fits it, ends with an ellipsis, and keeps as much of its start as fits.
 */
@ExtendWith(ApplicationExtension.class)
class LabelFitterFxTest {

    private static final List<String> LABELS = List.of("#1234 Cosine schedule with warmup  0.4321",
            "\u2605 \u263A \u270E #7 Larger batch, lower LR", "baseline", "Weight tying (embeddings ↔ head)  3.281");

    @Test
    void aLabelsWidthIsTheWidthJavaFxLaysItOutAt() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LabelFitter fitter = new LabelFitter();
            for (Font font : List.of(Font.font(11), Font.font(null, FontWeight.BOLD, 14), Font.font(23))) {
                for (String label : LABELS) {
                    Text whole = new Text(label);
                    whole.setFont(font);
                    assertThat(fitter.width(label, font)).as(label + " in " + font)
                            .isCloseTo(whole.getLayoutBounds().getWidth(), within(0.5));
                }
            }
        }).get();
    }

    @Test
    void aCutLabelFitsItsRoomEndsWithAnEllipsisAndKeepsItsLongestStart() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LabelFitter fitter = new LabelFitter();
            Font font = Font.font(11);
            String label = LABELS.getFirst();
            double whole = fitter.width(label, font);
            assertThat(fitter.fit(label, font, whole)).isEqualTo(label);
            for (double room = whole - 1; room > 0; room -= 7) {
                String cut = fitter.fit(label, font, room);
                assertThat(fitter.width(cut, font)).isLessThanOrEqualTo(room);
                if (cut.isEmpty()) {
                    assertThat(fitter.width(LabelFitter.ELLIPSIS, font)).isGreaterThan(room);
                    continue;
                }
                assertThat(cut).endsWith(LabelFitter.ELLIPSIS);
                String kept = cut.substring(0, cut.length() - 1);
                assertThat(label).startsWith(kept);
                String oneMore = label.substring(0, kept.length() + 1).stripTrailing() + LabelFitter.ELLIPSIS;
                if (!label.substring(0, kept.length() + 1).isBlank() && !label.startsWith(kept + " ")) {
                    assertThat(fitter.width(oneMore, font)).as("one character more would not fit " + room).isGreaterThan(room);
                }
            }
        }).get();
    }
}
