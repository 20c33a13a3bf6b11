package dev.groundwork.views.charts;

import java.util.Arrays;
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

    /**
     * One font's advances: ASCII in an array (NaN until measured), other characters in a map. Labels are measured for
     * every box of every paint on the FX thread, so the common characters cost an array read, not a boxed lookup.
     */
    private record Advances(double[] ascii, Map<Integer, Double> others) {
        Advances() {
            this(filledWithNaN(), new HashMap<>());
        }

        private static double[] filledWithNaN() {
            double[] unknown = new double[128];
            Arrays.fill(unknown, Double.NaN);
            return unknown;
        }
    }

    private final Map<Font, Advances> fonts = new HashMap<>();
    private final Text measure = new Text();

    /** The text's width in {@code font}: the sum of its characters' advances (labels are plain text, not kerned). */
    double width(String text, Font font) {
        Advances known = advances(font);
        double width = 0;
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            width += advance(point, font, known);
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
        Advances known = advances(font);
        int end = 0;
        double used = 0;
        while (end < text.length()) {
            int point = text.codePointAt(end);
            double next = advance(point, font, known);
            if (used + next > left) {
                break;
            }
            used += next;
            end += Character.charCount(point);
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private Advances advances(Font font) {
        Advances known = fonts.get(font);
        if (known == null) {
            known = new Advances();
            fonts.put(font, known);
        }
        return known;
    }

    private double advance(int point, Font font, Advances known) {
        if (point < known.ascii().length) {
            double advance = known.ascii()[point];
            if (Double.isNaN(advance)) {
                advance = measured(point, font);
                known.ascii()[point] = advance;
            }
            return advance;
        }
        Double advance = known.others().get(point);
        if (advance == null) {
            advance = measured(point, font);
            known.others().put(point, advance);
        }
        return advance;
    }

    private double measured(int codePoint, Font font) {
        measure.setFont(font);
        measure.setText(new String(Character.toChars(codePoint)));
        return measure.getLayoutBounds().getWidth();
    }
}
