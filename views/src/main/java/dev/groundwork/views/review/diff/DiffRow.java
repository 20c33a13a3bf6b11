package dev.groundwork.views.review.diff;

/** One displayed row: what the left (before) and right (after) side show at the same height. */
public record DiffRow(RowKind kind, DiffLine left, DiffLine right) {}
