package dev.groundwork.model.patch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against git on a few hundred real multi-hunk diffs, clean and damaged the way LLMs damage them. */
class PatchCorpusTest {

    /** Least share of damaged diffs that must still give exactly the right file (all give it today, seeded). */
    private static final Map<LlmDamage, Double> FLOORS = new EnumMap<>(Map.of(
            LlmDamage.WRONG_COUNTS, 1.0, LlmDamage.LINE_NUMBERS_OFF, 0.99, LlmDamage.NO_LINE_NUMBERS, 0.99,
            LlmDamage.STALE_CONTEXT_LINE, 0.99, LlmDamage.FENCED_WITH_PROSE, 1.0, LlmDamage.TRAILING_WHITESPACE, 1.0,
            LlmDamage.CRLF, 1.0, LlmDamage.ALL, 0.98));

    private final PatchEngine engine = new PatchEngine(PathRules.anyFileInside(), ApplyOptions.DEFAULT);

    @Test
    void theCorpusHasHundredsOfRealMultiHunkDiffs() throws Exception {
        List<GitDiffCorpus.Entry> entries = GitDiffCorpus.entries();

        long multiHunk = entries.stream().filter(entry -> hunks(entry.diff()) > 1).count();
        int hunks = entries.stream().mapToInt(entry -> hunks(entry.diff())).sum();
        System.out.printf(Locale.ROOT, "patch corpus: %d diffs, %d multi-hunk, %d hunks%n", entries.size(), multiHunk, hunks);
        assertThat(entries).hasSizeGreaterThan(300);
        assertThat(multiHunk).isGreaterThan(entries.size() / 2);
    }

    @Test
    void everyCleanDiffGivesByteForByteWhatGitApplyGives(@TempDir Path temp) throws Exception {
        for (Map.Entry<String, List<GitDiffCorpus.Entry>> release : byRelease().entrySet()) {
            List<GitDiffCorpus.Entry> entries = release.getValue();
            Map<String, byte[]> git = GitDiffCorpus.gitApply(temp.resolve(String.valueOf(release.getKey().hashCode())),
                    befores(entries), entries.stream().map(GitDiffCorpus.Entry::diff).collect(Collectors.joining()));
            for (GitDiffCorpus.Entry entry : entries) {
                ApplyOutcome outcome = engine.apply(entry.diff(), BaseTree.of(Map.of(entry.path(), entry.before())));

                assertThat(outcome.report().files()).as(entry.path()).singleElement().satisfies(file -> assertThat(
                        file.hunks()).allMatch(hunk -> hunk.status() == HunkStatus.APPLIED));
                assertThat(outcome.edits().getFirst().after().getBytes(StandardCharsets.UTF_8)).as(entry.path())
                        .isEqualTo(git.get(entry.path())).isEqualTo(entry.after().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aWholeReleaseAsOneDiffAppliesAsGitAppliesIt() throws Exception {
        for (List<GitDiffCorpus.Entry> entries : byRelease().values()) {
            ApplyOutcome outcome = engine.apply(entries.stream().map(GitDiffCorpus.Entry::diff)
                    .collect(Collectors.joining()), BaseTree.of(befores(entries)));

            assertThat(outcome.applied()).isTrue();
            assertThat(outcome.applyTo(befores(entries))).isEqualTo(entries.stream().collect(
                    Collectors.toMap(GitDiffCorpus.Entry::path, GitDiffCorpus.Entry::after)));
        }
    }

    @Test
    void renderedDiffsApplyWithGitAndWithTheEngine(@TempDir Path temp) throws Exception {
        for (Map.Entry<String, List<GitDiffCorpus.Entry>> release : byRelease().entrySet()) {
            List<GitDiffCorpus.Entry> entries = release.getValue();
            List<FileEdit> edits = entries.stream()
                    .map(entry -> new FileEdit(entry.path(), entry.before(), entry.after(), null)).toList();
            String rendered = DiffRenderer.render(edits);

            Map<String, byte[]> git = GitDiffCorpus.gitApply(temp.resolve(String.valueOf(release.getKey().hashCode())),
                    befores(entries), rendered);
            ApplyOutcome outcome = engine.apply(rendered, BaseTree.of(befores(entries)));

            assertThat(outcome.edits()).hasSize(entries.size());
            for (GitDiffCorpus.Entry entry : entries) {
                assertThat(new String(git.get(entry.path()), StandardCharsets.UTF_8)).isEqualTo(entry.after());
            }
            assertThat(outcome.edits()).allSatisfy(edit -> assertThat(edit.after()).isEqualTo(
                    entries.stream().filter(e -> e.path().equals(edit.path())).findFirst().orElseThrow().after()));
        }
    }

    @Test
    void damagedDiffsStillGiveExactlyTheRightFile() throws Exception {
        List<GitDiffCorpus.Entry> entries = GitDiffCorpus.entries();
        List<String> table = new ArrayList<>();
        Map<LlmDamage, Double> shares = new EnumMap<>(LlmDamage.class);
        int wrongResults = 0;
        for (LlmDamage damage : LlmDamage.values()) {
            int exact = 0;
            int wrong = 0;
            for (int i = 0; i < entries.size(); i++) {
                GitDiffCorpus.Entry entry = entries.get(i);
                String damaged = damage.damage(entry.diff(), new Random(31L * i + damage.ordinal()));
                ApplyOutcome outcome = engine.apply(damaged, BaseTree.of(Map.of(entry.path(), entry.before())));
                if (outcome.applied()) {
                    boolean right = outcome.edits().getFirst().after().equals(entry.after());
                    exact += right ? 1 : 0;
                    wrong += right ? 0 : 1;
                }
            }
            shares.put(damage, exact / (double) entries.size());
            wrongResults += wrong;
            table.add(String.format(Locale.ROOT, "%-20s exact %5.1f%%  applied but different %4d  failed %4d", damage,
                    100.0 * exact / entries.size(), wrong, entries.size() - exact - wrong));
        }
        System.out.println("damaged corpus diffs (" + entries.size() + " each):\n" + String.join("\n", table));

        FLOORS.forEach((damage, floor) -> assertThat(shares.get(damage)).as(damage.name()).isGreaterThanOrEqualTo(floor));
        assertThat(wrongResults).as("damaged diffs that applied to a wrong result").isZero();
    }

    private static Map<String, List<GitDiffCorpus.Entry>> byRelease() throws Exception {
        return GitDiffCorpus.entries().stream().collect(Collectors.groupingBy(GitDiffCorpus.Entry::release,
                LinkedHashMap::new, Collectors.toList()));
    }

    private static Map<String, String> befores(List<GitDiffCorpus.Entry> entries) {
        return entries.stream().collect(Collectors.toMap(GitDiffCorpus.Entry::path, GitDiffCorpus.Entry::before));
    }

    private static int hunks(String diff) {
        return (int) diff.lines().filter(line -> line.startsWith("@@ ")).count();
    }
}
