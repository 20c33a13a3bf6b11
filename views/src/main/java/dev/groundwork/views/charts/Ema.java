package dev.groundwork.views.charts;

/**
 * Exponential moving average as training dashboards smooth noisy losses, debiased at the start (so the first points are
 * not pulled towards zero). A weight of 0 leaves the series as it is; 0.99 smooths it heavily.
 */
public final class Ema {

    private Ema() {}

    public static double[] smooth(double[] y, int length, double weight) {
        double[] out = new double[length];
        if (weight <= 0) {
            System.arraycopy(y, 0, out, 0, length);
            return out;
        }
        double average = 0;
        double debias = 1;
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(y[i])) {
                out[i] = y[i];
                continue;
            }
            average = weight * average + (1 - weight) * y[i];
            debias *= weight;
            out[i] = average / (1 - debias);
        }
        return out;
    }
}
