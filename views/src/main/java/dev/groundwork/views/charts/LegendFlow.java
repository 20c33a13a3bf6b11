package dev.groundwork.views.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart legend's entries laid out left to right, wrapped onto another row before an entry that would run past the
 * right edge (never before a row's first), so that a narrow chart keeps every entry whole.
 */
final class LegendFlow {

    private LegendFlow() {
    }

    /** Where each entry of these {@code widths} goes, as (x, its row's offset down from the first row). */
    static List<double[]> places(double[] widths, double left, double right, double rowHeight) {
        List<double[]> places = new ArrayList<>(widths.length);
        double x = left;
        double row = 0;
        for (double entry : widths) {
            if (x + entry > right && x > left) {
                x = left;
                row += rowHeight;
            }
            places.add(new double[] {x, row});
            x += entry;
        }
        return places;
    }
}
