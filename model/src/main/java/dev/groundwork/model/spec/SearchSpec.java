package dev.groundwork.model.spec;

import java.util.Objects;

/**
 * The evolutionary search loop.
 *
 * @param topK        how many of the best ideas an exploit prompt may show
 * @param concurrency how many runs may be in flight at once
 */
public record SearchSpec(
        int epochs, int ideasPerEpoch, Exploit exploit, int topK, int concurrency, CodeBase codeBase, Mode mode) {

    public static final SearchSpec DEFAULT =
            new SearchSpec(10, 8, Exploit.ANNEALED, 100, 2, CodeBase.BASELINE, Mode.EVOLVE);

    /** What an idea's patch is written against: the baseline, or its best parent's patch (code lineage). */
    public enum CodeBase { BASELINE, BEST_PARENT }

    /** EVOLVE feeds results back into the next epoch; BEST_OF_N spends the same budget without feedback. */
    public enum Mode { EVOLVE, BEST_OF_N }

    public SearchSpec {
        Objects.requireNonNull(exploit, "exploit");
        Objects.requireNonNull(codeBase, "codeBase");
        Objects.requireNonNull(mode, "mode");
    }
}
