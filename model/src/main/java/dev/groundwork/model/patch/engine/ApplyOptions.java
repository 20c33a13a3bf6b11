package dev.groundwork.model.patch.engine;

/**
 * How far the applier may stray from what a hunk says.
 *
 * @param maxOffset how many lines above or below its stated line a hunk is looked for
 * @param maxFuzz   how many of a hunk's context lines may differ from the file (lines it removes must always match)
 */
public record ApplyOptions(int maxOffset, int maxFuzz) {

    /** ±100 lines (LLMs number lines after their own earlier hunks), and GNU patch's default fuzz of 2. */
    public static final ApplyOptions DEFAULT = new ApplyOptions(100, 2);

    public ApplyOptions {
        if (maxOffset < 0 || maxFuzz < 0) {
            throw new IllegalArgumentException("maxOffset and maxFuzz must be at least 0");
        }
    }
}
