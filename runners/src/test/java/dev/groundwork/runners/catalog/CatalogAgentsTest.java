package dev.groundwork.runners.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.ImplementationRequest;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.IdeationRequest.Mode;
import dev.groundwork.model.agent.IdeationRequest.PastIdea;
import dev.groundwork.model.agent.IdeationRequest.ScoredIdea;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogAgentsTest {

    private static final Catalog CATALOG = Catalog.of(List.of(
            new Catalog.Entry("a", "al", "Alpha", "[Experiment] a [End]", "diff-a"),
            new Catalog.Entry("b", "be", "Beta", "[Experiment] b [End]", "diff-b"),
            new Catalog.Entry("c", "ga", "Gamma", "[Experiment] c [End]", "diff-c"),
            new Catalog.Entry("d", "de", "Delta", "[Experiment] d [End]", "diff-d")));

    /** Composes anything except Beta with Gamma, which "conflict". */
    private static final PatchComposer COMPOSER = diffs -> diffs.containsAll(List.of("diff-b", "diff-c"))
            ? Optional.empty() : Optional.of(String.join("|", diffs));

    @Test
    void exploreOffersUntriedIdeasInOneSeededOrder() throws AgentException {
        CatalogIdeator ideator = new CatalogIdeator(CATALOG, COMPOSER, 7);
        List<ProposedIdea> first = ideator.propose(new IdeationRequest(0, 2, Mode.EXPLORE, List.of(), List.of()));
        assertThat(first).hasSize(2).allSatisfy(idea -> {
            assertThat(idea.origin()).isEqualTo(IdeaOrigin.CATALOG);
            assertThat(idea.parents()).isEmpty();
        });
        List<PastIdea> past = first.stream().map(idea -> new PastIdea(1, idea.title(), idea.text())).toList();
        List<ProposedIdea> rest = ideator.propose(new IdeationRequest(1, 5, Mode.EXPLORE, List.of(), past));
        assertThat(rest).hasSize(2).extracting(ProposedIdea::title).doesNotContainAnyElementsOf(
                first.stream().map(ProposedIdea::title).toList());
        assertThat(new CatalogIdeator(CATALOG, COMPOSER, 7).propose(new IdeationRequest(5, 2, Mode.EXPLORE, List.of(),
                List.of()))).as("the same seed gives the same order in any epoch").isEqualTo(first);
    }

    @Test
    void exploitCombinesTheBestExemplarsWhosePatchesComposeAndRecordsBothParents() throws AgentException {
        List<ScoredIdea> exemplars = List.of(new ScoredIdea(11, "Beta", "", 1.0), new ScoredIdea(12, "Gamma", "", 1.1),
                new ScoredIdea(13, "Alpha", "", 1.2));
        List<ProposedIdea> ideas = new CatalogIdeator(CATALOG, COMPOSER, 1)
                .propose(new IdeationRequest(1, 2, Mode.EXPLOIT, exemplars, List.of()));
        // Beta + Gamma conflict, so the best pairs that compose are Beta + Alpha, then Gamma + Alpha.
        assertThat(ideas).extracting(ProposedIdea::title).as("named by the components' short labels")
                .containsExactly("be + al", "ga + al");
        assertThat(ideas.getFirst().parents()).containsExactly(11L, 13L);
        assertThat(ideas.getFirst().text()).startsWith("[Experiment] Combine two ideas that each beat the baseline:"
                + " \"Beta\" (reward 1.000) and \"Alpha\" (reward 1.200).").endsWith("""
                [Code Changes] Apply these changes together, exactly as in their own patches:
                - Beta (be)
                - Alpha (al)
                [End]""");

        List<ProposedIdea> fresh = new CatalogIdeator(CATALOG, COMPOSER, 1).propose(new IdeationRequest(2, 2,
                Mode.EXPLOIT, exemplars, List.of(new PastIdea(20, "alpha + BETA", ""))));
        assertThat(fresh).extracting(ProposedIdea::title).as("a combination already tried, in full titles and any"
                + " order, is not offered again").containsExactly("ga + al");
    }

    @Test
    void combinationsOfCombinationsAreNamedByEveryLabelAndTheirTextNamesEachComponentInFull() throws AgentException {
        List<ScoredIdea> exemplars = List.of(new ScoredIdea(21, "be + al", "", 0.9),
                new ScoredIdea(22, "Delta", "", 1.0), new ScoredIdea(23, "Gamma + Delta", "", 1.1));
        List<ProposedIdea> ideas = new CatalogIdeator(CATALOG, COMPOSER, 1)
                .propose(new IdeationRequest(3, 1, Mode.EXPLOIT, exemplars, List.of()));

        assertThat(ideas).singleElement().satisfies(idea -> {
            assertThat(idea.title()).isEqualTo("be + al + de");
            assertThat(idea.parents()).containsExactly(21L, 22L);
            assertThat(idea.text()).contains("\"be + al\" (reward 0.9000) and \"Delta\" (reward 1.000)")
                    .contains("- Beta (be)\n- Alpha (al)\n- Delta (de)\n[End]");
        });
    }

    @Test
    void titlesParseInShortLabelsFullTitlesOrBoth() {
        assertThat(CATALOG.components("be + al").orElseThrow()).extracting(Catalog.Entry::key)
                .containsExactly("b", "a");
        assertThat(CATALOG.components("Beta + Alpha").orElseThrow()).extracting(Catalog.Entry::key)
                .containsExactly("b", "a");
        assertThat(CATALOG.components("beta + al + Delta").orElseThrow()).extracting(Catalog.Entry::key)
                .containsExactly("b", "a", "d");
        assertThat(CATALOG.components("Beta + Omega")).isEmpty();
        assertThat(CATALOG.byName("GA")).get().extracting(Catalog.Entry::title).isEqualTo("Gamma");
    }

    @Test
    void theImplementerReturnsCatalogDiffsAndComposesCombinations() throws AgentException {
        CatalogImplementer implementer = new CatalogImplementer(CATALOG, COMPOSER);
        assertThat(implementer.author()).isEqualTo("catalog");
        assertThat(implementer.implement(request("Alpha", List.of(), List.of()))).isEqualTo("diff-a");
        assertThat(implementer.implement(request("Delta + Alpha", List.of(), List.of()))).as("an older study's title")
                .isEqualTo("diff-d|diff-a");
        assertThat(implementer.implement(request("de + al", List.of(), List.of()))).isEqualTo("diff-d|diff-a");
        assertThat(implementer.implement(request("Something new", List.of("p1", "p2"), List.of()))).isEqualTo("p1|p2");
        assertThatThrownBy(() -> implementer.implement(request("Beta + Gamma", List.of(), List.of())))
                .isInstanceOf(AgentException.class).hasMessage("the patches combined in \"Beta + Gamma\" conflict, so the"
                        + " offline catalog cannot implement it.");
        assertThatThrownBy(() -> implementer.implement(request("My own idea", List.of(), List.of())))
                .hasMessageStartingWith("the offline catalog has no patch for \"My own idea\"; give the idea your own diff");
        assertThatThrownBy(() -> implementer.implement(request("Alpha", List.of(),
                List.of(new ImplementationRequest.FailedAttempt("diff-a", "hunk 1 failed")))))
                .hasMessageStartingWith("the offline catalog's patch for \"Alpha\" failed (hunk 1 failed)");
    }

    @Test
    void aCatalogLoadsFromTheStudyFolderAndAStudyWithoutOneSaysSo(@TempDir Path study) throws Exception {
        assertThat(Catalog.load(study).isEmpty()).isTrue();
        assertThatThrownBy(() -> new CatalogIdeator(Catalog.load(study), COMPOSER, 0)
                .propose(new IdeationRequest(0, 1, Mode.EXPLORE, List.of(), List.of())))
                .hasMessageStartingWith("this study has no offline idea catalog (ideas/catalog.yaml)");

        Files.createDirectories(study.resolve("ideas"));
        Files.writeString(study.resolve("ideas/catalog.yaml"), """
                ideas:
                  - key: lr
                    title: "Higher learning rate"
                    text: |
                      [Experiment] go faster [End]
                """);
        assertThatThrownBy(() -> Catalog.load(study)).hasMessage("ideas/catalog.yaml: the patch of idea 'lr' (lr.diff) is missing.");
        Files.writeString(study.resolve("ideas/lr.diff"), "--- a/x\n+++ b/x\n");
        assertThat(Catalog.load(study).byName("higher LEARNING rate")).get().satisfies(entry -> {
            assertThat(entry.diff()).startsWith("--- a/x");
            assertThat(entry.label()).as("without a short label, the key names the idea").isEqualTo("lr");
        });
    }

    @Test
    void aCatalogWhoseNamesWouldBeAmbiguousIsRefused(@TempDir Path study) throws Exception {
        Files.createDirectories(study.resolve("ideas"));
        Files.writeString(study.resolve("ideas/lr.diff"), "--- a/x\n+++ b/x\n");
        Files.writeString(study.resolve("ideas/lr2.diff"), "--- a/x\n+++ b/x\n");
        Files.writeString(study.resolve("ideas/catalog.yaml"), """
                ideas:
                  - { key: lr, short: "lr", title: "Higher learning rate" }
                  - { key: lr2, short: "LR", title: "Lower learning rate" }
                """);
        assertThatThrownBy(() -> Catalog.load(study)).hasMessage("ideas/catalog.yaml: ideas 'lr' and 'lr2' are both"
                + " named \"LR\"; give each its own title and short label.");
        Files.writeString(study.resolve("ideas/catalog.yaml"), """
                ideas:
                  - { key: lr, short: "lr+", title: "Higher learning rate" }
                """);
        assertThatThrownBy(() -> Catalog.load(study)).hasMessageStartingWith("ideas/catalog.yaml: idea 'lr' has a '+'");
    }

    private static ImplementationRequest request(String title, List<String> parentDiffs,
                                                 List<ImplementationRequest.FailedAttempt> failures) {
        Idea idea = new Idea(1, 1, IdeaOrigin.CATALOG, title, "", List.of(), IdeaStatus.IMPLEMENTING, "", null, null,
                Instant.EPOCH, Instant.EPOCH);
        return new ImplementationRequest(idea, Map.of(), parentDiffs, failures, Optional.empty(), Optional.empty());
    }
}
