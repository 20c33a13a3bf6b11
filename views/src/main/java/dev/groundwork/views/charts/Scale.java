package dev.groundwork.views.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps data values onto pixels along one axis, linearly or logarithmically, and picks round tick values. A log scale
 * ignores values at or below zero (they cannot be placed on it).
 */
public record Scale(double min, double max, double pixelFrom, double pixelTo, boolean log) {

    /** A scale over {@code [min, max]}, widened a little when they are equal so that a flat series still draws. */
    public static Scale of(double min, double max, double pixelFrom, double pixelTo, boolean log) {
        if (log) {
            min = Math.max(min, Double.MIN_NORMAL);
            max = Math.max(max, min);
        }
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            min = log ? min / 1.1 : min - pad;
            max = log ? max * 1.1 : max + pad;
        }
        return new Scale(min, max, pixelFrom, pixelTo, log);
    }

    public double toPixel(double value) {
        double fraction = log ? (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min))
                : (value - min) / (max - min);
        return pixelFrom + fraction * (pixelTo - pixelFrom);
    }

    public double toValue(double pixel) {
        double fraction = (pixel - pixelFrom) / (pixelTo - pixelFrom);
        return log ? Math.exp(Math.log(min) + fraction * (Math.log(max) - Math.log(min))) : min + fraction * (max - min);
    }

    /** About {@code count} round values inside the scale: 1, 2 or 5 times a power of ten apart (powers of ten on a log scale). */
    public List<Double> ticks(int count) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double decade = Math.pow(10, Math.floor(Math.log10(min))); decade <= max; decade *= 10) {
                for (double multiple : new double[] {1, 2, 5}) {
                    double value = decade * multiple;
                    if (value >= min && value <= max) {
                        ticks.add(value);
                    }
                }
            }
            return ticks;
        }
        double step = niceStep((max - min) / Math.max(1, count));
        for (double value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
            ticks.add(Math.abs(value) < step * 1e-9 ? 0 : value);
        }
        return ticks;
    }

    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10) * power;
    }

    /** A tick's label: as few digits as the scale's range needs. */
    public static String label(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-3)) {
            return String.format(java.util.Locale.ROOT, "%.1e", value);
        }
        String text = String.format(java.util.Locale.ROOT, "%.4f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
