package dev.groundwork.runners.catalog;

import java.util.List;
import java.util.Optional;

/** Applies diffs one after another to the baseline and renders the combination as one diff; empty when they conflict. */
@FunctionalInterface
public interface PatchComposer {
    Optional<String> compose(List<String> diffs);
}
