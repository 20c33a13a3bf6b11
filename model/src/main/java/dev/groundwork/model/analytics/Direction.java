package dev.groundwork.model.analytics;

import dev.groundwork.model.spec.RewardSpec;

/** Which way a reward improves: up for a maximized reward, down for a minimized one (a loss). */
public enum Direction {
    MAXIMIZE, MINIMIZE;

    public static Direction of(RewardSpec.Goal goal) {
        return goal == RewardSpec.Goal.MAXIMIZE ? MAXIMIZE : MINIMIZE;
    }

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return this == MAXIMIZE ? a > b : a < b;
    }

    /** How much better {@code to} is than {@code from}: positive when it improves, whichever the direction. */
    public double gain(double from, double to) {
        return this == MAXIMIZE ? to - from : from - to;
    }

    /** The worst possible reward, which any real one beats. */
    public double worst() {
        return this == MAXIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    public boolean higherIsBetter() {
        return this == MAXIMIZE;
    }
}
