package dev.groundwork.bench.patch;

import dev.groundwork.model.patch.engine.ApplyOptions;
import dev.groundwork.model.patch.engine.ApplyOutcome;
import dev.groundwork.model.patch.engine.BaseTree;
import dev.groundwork.model.patch.engine.DiffRenderer;
import dev.groundwork.model.patch.engine.FileEdit;
import dev.groundwork.model.patch.engine.PatchEngine;
import dev.groundwork.model.patch.engine.PathRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The patch engine's speed ({@code groundwork bench patch}): the median time to apply one ~500-changed-line diff of 10
 * files, and the engine against {@code git apply} on a corpus of real diffs between releases of a project.
 */
public final class PatchBenchmark {

    private static final int SYNTHETIC_FILES = 10;
    private static final int HUNKS_PER_FILE = 5;
    private static final int LINES_PER_HUNK = 5;
    private static final int WARM_UP = 100;
    private static final int MEASURED = 300;
    private static final int CORPUS_ROUNDS = 5;

    /**
     * The figures, all wall-clock milliseconds.
     *
     * @param syntheticApply         median of parsing, checking and applying the synthetic diff in memory
     * @param syntheticApplyAndRender the same plus rendering its clean diff (what storing a patch costs)
     * @param engineEach             all corpus diffs, one by one, in memory (median of rounds)
     * @param gitEach                all corpus diffs, one {@code git apply} process each, on files already on disk
     * @param engineAll              one diff per release pair holding all its files, read from and written to disk
     * @param gitAll                 one {@code git apply} process per release pair for that same diff
     */
    public record Result(int syntheticFiles, int syntheticChangedLines, double syntheticApply,
                         double syntheticApplyAndRender, int corpusDiffs, int corpusHunks, double engineEach,
                         double gitEach, double engineAll, double gitAll) {

        public String describe() {
            return String.format(Locale.ROOT, """
                    synthetic diff (%d files, %d changed lines): median %.3f ms to apply, %.3f ms with its clean diff
                    corpus (%d diffs, %d hunks), one diff at a time: engine in memory %.1f ms, \
                    git apply per diff %.1f ms (%.0fx)
                    corpus as one diff per release pair, files on disk: engine %.1f ms, git apply %.1f ms (%.1fx)""",
                    syntheticFiles, syntheticChangedLines, syntheticApply, syntheticApplyAndRender, corpusDiffs,
                    corpusHunks, engineEach, gitEach, gitEach / engineEach, engineAll, gitAll, gitAll / engineAll);
        }
    }

    private record Release(Path older, List<CorpusFiles.Pair> pairs, List<String> diffs) {}

    private PatchBenchmark() {}

    /** Runs the benchmark on the source trees of consecutive {@code releases} (e.g. unpacked sources jars). */
    public static Result run(List<Path> releases) throws IOException {
        PatchEngine engine = new PatchEngine(PathRules.anyFileInside(), ApplyOptions.DEFAULT);
        List<Release> corpus = new ArrayList<>();
        for (int i = 0; i + 1 < releases.size(); i++) {
            List<CorpusFiles.Pair> pairs = CorpusFiles.differing(releases.get(i), releases.get(i + 1));
            List<String> diffs = pairs.stream().map(pair -> DiffRenderer.render(List.of(
                    new FileEdit(pair.path(), pair.before(), pair.after(), null)))).toList();
            corpus.add(new Release(releases.get(i), pairs, diffs));
        }
        Path scratch = Files.createTempDirectory("groundwork-bench-patch");
        try {
            Synthetic synthetic = synthetic(corpus.getFirst().pairs());
            double apply = median(engine, synthetic, false);
            double applyAndRender = median(engine, synthetic, true);
            double engineEach = engineEach(engine, corpus);
            double gitEach = gitEach(corpus, scratch.resolve("each"));
            double[] all = all(engine, corpus, scratch.resolve("all"));
            int diffs = corpus.stream().mapToInt(release -> release.diffs().size()).sum();
            int hunks = corpus.stream().flatMap(release -> release.diffs().stream())
                    .mapToInt(diff -> (int) diff.lines().filter(line -> line.startsWith("@@")).count()).sum();
            return new Result(SYNTHETIC_FILES, synthetic.changedLines(), apply, applyAndRender, diffs, hunks,
                    engineEach, gitEach, all[0], all[1]);
        } finally {
            delete(scratch);
        }
    }

    private record Synthetic(Map<String, String> base, String diff, int changedLines) {}

    /** The largest files, each changed in 5 evenly spread places of 5 lines (5 removed and 5 added lines each). */
    private static Synthetic synthetic(List<CorpusFiles.Pair> pairs) {
        Map<String, String> base = new LinkedHashMap<>();
        Map<String, String> changed = new LinkedHashMap<>();
        pairs.stream().sorted(Comparator.comparingInt((CorpusFiles.Pair pair) -> pair.before().length()).reversed())
                .limit(SYNTHETIC_FILES).forEach(pair -> {
                    List<String> lines = new ArrayList<>(pair.before().lines().toList());
                    int step = lines.size() / (HUNKS_PER_FILE + 1);
                    for (int hunk = 1; hunk <= HUNKS_PER_FILE; hunk++) {
                        for (int line = hunk * step; line < hunk * step + LINES_PER_HUNK; line++) {
                            lines.set(line, lines.get(line) + " // tuned");
                        }
                    }
                    base.put(pair.path(), pair.before());
                    changed.put(pair.path(), String.join("\n", lines) + "\n");
                });
        String diff = DiffRenderer.render(base, changed);
        int changedLines = (int) diff.lines().filter(line -> line.startsWith("+") && !line.startsWith("+++")
                || line.startsWith("-") && !line.startsWith("---")).count();
        return new Synthetic(base, diff, changedLines);
    }

    private static double median(PatchEngine engine, Synthetic synthetic, boolean render) {
        BaseTree base = BaseTree.of(synthetic.base());
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            long start = System.nanoTime();
            ApplyOutcome outcome = engine.apply(synthetic.diff(), base);
            if (render) {
                outcome.cleanDiff();
            }
            long took = System.nanoTime() - start;
            require(outcome);
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = took;
            }
        }
        return medianMillis(nanos);
    }

    private static double engineEach(PatchEngine engine, List<Release> corpus) {
        long[] rounds = new long[CORPUS_ROUNDS];
        for (int round = -1; round < CORPUS_ROUNDS; round++) { // round -1 warms up
            long start = System.nanoTime();
            for (Release release : corpus) {
                for (int i = 0; i < release.diffs().size(); i++) {
                    CorpusFiles.Pair pair = release.pairs().get(i);
                    require(engine.apply(release.diffs().get(i), BaseTree.of(Map.of(pair.path(), pair.before()))));
                }
            }
            if (round >= 0) {
                rounds[round] = System.nanoTime() - start;
            }
        }
        return medianMillis(rounds);
    }

    /** One process per diff, each in its own folder prepared beforehand; only the processes are timed. */
    private static double gitEach(List<Release> corpus, Path dir) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Release release : corpus) {
            for (int i = 0; i < release.diffs().size(); i++) {
                Path folder = dir.resolve(folders.size() + "/tree");
                CorpusFiles.Pair pair = release.pairs().get(i);
                write(folder.resolve(pair.path()), pair.before());
                Files.writeString(folder.resolveSibling("change.diff"), release.diffs().get(i));
                folders.add(folder);
            }
        }
        long start = System.nanoTime();
        for (Path folder : folders) {
            gitApply(folder, "../change.diff");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * Per release pair, one diff of all its files applied to a folder holding the older release's files: git in one
     * process, the engine reading its base from the folder and writing the results back. Setting up is not timed.
     */
    private static double[] all(PatchEngine engine, List<Release> corpus, Path dir) throws IOException {
        long[] engineRounds = new long[CORPUS_ROUNDS];
        long[] gitRounds = new long[CORPUS_ROUNDS];
        for (int round = 0; round < CORPUS_ROUNDS; round++) {
            for (int r = 0; r < corpus.size(); r++) {
                Release release = corpus.get(r);
                String diff = String.join("", release.diffs());
                Path tree = prepare(dir.resolve(round + "-" + r + "-git/tree"), release, diff);
                long start = System.nanoTime();
                gitApply(tree, "../change.diff");
                gitRounds[round] += System.nanoTime() - start;

                Path mine = prepare(dir.resolve(round + "-" + r + "-engine/tree"), release, diff);
                start = System.nanoTime();
                ApplyOutcome outcome = engine.apply(Files.readString(mine.resolveSibling("change.diff")),
                        BaseTree.folder(mine));
                require(outcome);
                for (FileEdit edit : outcome.edits()) {
                    Files.writeString(mine.resolve(edit.path()), edit.after());
                }
                engineRounds[round] += System.nanoTime() - start;
            }
        }
        return new double[] {medianMillis(engineRounds), medianMillis(gitRounds)};
    }

    private static Path prepare(Path tree, Release release, String diff) throws IOException {
        for (CorpusFiles.Pair pair : release.pairs()) {
            write(tree.resolve(pair.path()), pair.before());
        }
        Files.writeString(tree.resolveSibling("change.diff"), diff);
        return tree;
    }

    private static void gitApply(Path tree, String patch) throws IOException {
        GitProcess.Output output = GitProcess.run(tree, "apply", "--whitespace=nowarn", patch);
        if (output.exitCode() != 0) {
            throw new IOException("git apply failed in " + tree + ": " + output.stderr());
        }
    }

    private static void require(ApplyOutcome outcome) {
        if (!outcome.applied()) {
            throw new IllegalStateException("The engine did not apply a benchmark diff: " + outcome.report().summary());
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
