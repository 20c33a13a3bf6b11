package dev.groundwork.views.charts;

import java.util.Arrays;

/**
 * Min/max-preserving decimation (M4): of the points that fall in each pixel column, keep the first, the last, the lowest
 * and the highest. A line drawn through what is kept covers exactly the pixels the whole series would, so a 1M-point
 * curve draws as a few thousand points and no spike disappears.
 */
public final class M4 {

    private M4() {}

    /**
     * The indices to keep, ascending, of a series whose {@code x} ascends: at most four per column of the {@code columns}
     * columns that split {@code [from, to]}; points outside it are dropped except the nearest on each side, so that the
     * line still enters and leaves the view.
     */
    public static int[] keep(double[] x, double[] y, int length, double from, double to, int columns) {
        if (columns < 1 || length == 0 || !(to > from)) {
            return new int[0];
        }
        int[] kept = new int[Math.min(length, columns * 4 + 2)];
        int size = 0;
        int start = lowerBound(x, length, from);
        if (start > 0) {
            kept[size++] = start - 1;
        }
        double width = (to - from) / columns;
        int i = start;
        while (i < length && x[i] <= to) {
            int column = Math.min(columns - 1, (int) ((x[i] - from) / width));
            int first = i;
            int low = i;
            int high = i;
            int last = i;
            for (i++; i < length && x[i] <= to && Math.min(columns - 1, (int) ((x[i] - from) / width)) == column; i++) {
                if (y[i] < y[low] || Double.isNaN(y[low])) {
                    low = i;
                }
                if (y[i] > y[high] || Double.isNaN(y[high])) {
                    high = i;
                }
                last = i;
            }
            if (size + 4 >= kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, size + 5));
            }
            size = add(kept, size, first);
            size = add(kept, size, Math.min(low, high));
            size = add(kept, size, Math.max(low, high));
            size = add(kept, size, last);
        }
        if (i < length) {
            if (size == kept.length) {
                kept = Arrays.copyOf(kept, size + 1);
            }
            kept[size++] = i;
        }
        return Arrays.copyOf(kept, size);
    }

    /** Appends an index unless it is the one appended last (a column of one point keeps it once). */
    private static int add(int[] kept, int size, int index) {
        if (size > 0 && kept[size - 1] == index) {
            return size;
        }
        kept[size] = index;
        return size + 1;
    }

    /** The first index whose x is at least {@code value}. */
    static int lowerBound(double[] x, int length, double value) {
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
