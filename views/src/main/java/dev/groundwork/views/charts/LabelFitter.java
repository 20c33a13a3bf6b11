package dev.groundwork.views.charts;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Cuts a label to a width, ending it with an ellipsis, by the font's own advance widths, measured once per character
 * and font. A canvas asked to fit wider text into a {@code maxWidth} squeezes it instead: condensed glyphs, which the
 * software renderer draws as outlines through its path rasterizer (a fifth of its time painting the lineage at full
 * size, docs/performance.md).
 */
final class LabelFitter {

    static final String ELLIPSIS = "…";

    private final Map<Font, Map<Integer, Double>> advances = new HashMap<>();
    private final Text measure = new Text();

    /** The text's width in {@code font}: the sum of its characters' advances (labels are plain text, not kerned). */
    double width(String text, Font font) {
        Map<Integer, Double> known = advances.computeIfAbsent(font, f -> new HashMap<>());
        double width = 0;
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            width += known.computeIfAbsent(point, p -> advance(p, font));
            i += Character.charCount(point);
        }
        return width;
    }

    /**
     * {@code text} whole when it fits {@code room}, else its longest start that fits with an ellipsis after it; empty
     * when not even the ellipsis fits.
     */
    String fit(String text, Font font, double room) {
        if (width(text, font) <= room) {
            return text;
        }
        double left = room - width(ELLIPSIS, font);
        if (left < 0) {
            return "";
        }
        Map<Integer, Double> known = advances.get(font);
        int end = 0;
        double used = 0;
        while (end < text.length()) {
            int point = text.codePointAt(end);
            double next = known.computeIfAbsent(point, p -> advance(p, font));
            if (used + next > left) {
                break;
            }
            used += next;
            end += Character.charCount(point);
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private double advance(int codePoint, Font font) {
        measure.setFont(font);
        measure.setText(new String(Character.toChars(codePoint)));
        return measure.getLayoutBounds().getWidth();
    }
}
