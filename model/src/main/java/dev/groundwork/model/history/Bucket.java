package dev.groundwork.model.history;

/**
 * One bucket of a thinned series: the points of one run whose steps fall in the bucket's share of the steps asked for,
 * as their first and last point and their lowest and highest value (M4: what a pixel column needs to be drawn
 * exactly as the whole series would be).
 */
public record Bucket(long firstStep, double first, double firstWall, long lastStep, double last, double lastWall,
                     double min, double max, int count) {}
