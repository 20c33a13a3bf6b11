package dev.groundwork.model.search;

import dev.groundwork.model.spec.SearchSpec;

/**
 * How far and how to search this time; defaults come from the spec, the CLI may override them.
 *
 * @param epochs      run until this many epochs (0 … epochs-1) are complete
 * @param autoApprove pass every gate automatically, whatever the spec says
 */
public record LoopOptions(int epochs, int ideasPerEpoch, int concurrency, boolean autoApprove, SearchSpec.Mode mode) {
    public LoopOptions {
        if (epochs < 1 || ideasPerEpoch < 1 || concurrency < 1) {
            throw new IllegalArgumentException("epochs, ideas per epoch and concurrency must each be at least 1");
        }
    }

    public static LoopOptions from(SearchSpec search) {
        return new LoopOptions(search.epochs(), search.ideasPerEpoch(), search.concurrency(), false, search.mode());
    }
}
