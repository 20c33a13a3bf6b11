package dev.groundwork.runners.catalog;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.IdeationRequest.ScoredIdea;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.idea.IdeaOrigin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The offline ideator. Explore: catalog ideas the study has not tried, in one order shuffled by the seed. Exploit:
 * combinations of two exemplars (best pairs first) whose patches apply together, with both recorded as parents — the
 * method's "combine and refine the best ideas", made concrete by composing their patches. A combination is titled by
 * its components' short labels ("ctx10 + clip + momentum") and its text names each component in full.
 */
public final class CatalogIdeator implements Ideator {

    private final Catalog catalog;
    private final PatchComposer composer;
    private final long seed;

    public CatalogIdeator(Catalog catalog, PatchComposer composer, long seed) {
        this.catalog = catalog;
        this.composer = composer;
        this.seed = seed;
    }

    @Override
    public String displayName() {
        return "offline catalog";
    }

    @Override
    public List<ProposedIdea> propose(IdeationRequest request) throws AgentException {
        if (catalog.isEmpty()) {
            throw new AgentException("this study has no offline idea catalog (" + Catalog.FILE + "); seed ideas yourself"
                    + ", or choose an LLM ideator in agents.ideator.");
        }
        Set<String> tried = new HashSet<>();
        request.pastIdeas().forEach(idea -> tried.add(catalog.identity(idea.title())));
        return request.mode() == IdeationRequest.Mode.EXPLOIT
                ? exploit(request, tried)
                : explore(request, tried);
    }

    /**
     * The next untried ideas in one order per seed, the same in every epoch and mode: best-of-N and evolve then meet the
     * catalog in the same order and differ only in what evolve spends on exploiting.
     */
    private List<ProposedIdea> explore(IdeationRequest request, Set<String> tried) {
        List<Catalog.Entry> order = new ArrayList<>(catalog.entries());
        Collections.shuffle(order, new Random(seed));
        return order.stream().filter(entry -> !tried.contains(Catalog.identity(List.of(entry)))).limit(request.count())
                .map(entry -> new ProposedIdea(entry.title(), entry.text(), IdeaOrigin.CATALOG, List.of()))
                .toList();
    }

    private List<ProposedIdea> exploit(IdeationRequest request, Set<String> tried) {
        List<ScoredIdea> exemplars = request.exemplars();
        List<ProposedIdea> ideas = new ArrayList<>();
        // Pairs by the sum of their ranks: (0,1), (0,2), (1,2), (0,3)… — the best with the next best first.
        for (int rankSum = 1; rankSum < 2 * exemplars.size() && ideas.size() < request.count(); rankSum++) {
            for (int i = 0; i < exemplars.size() && ideas.size() < request.count(); i++) {
                int j = rankSum - i;
                if (j <= i || j >= exemplars.size()) {
                    continue;
                }
                combine(exemplars.get(i), exemplars.get(j), tried).ifPresent(ideas::add);
            }
        }
        return ideas;
    }

    private Optional<ProposedIdea> combine(ScoredIdea a, ScoredIdea b, Set<String> tried) {
        Optional<List<Catalog.Entry>> partsA = catalog.components(a.title());
        Optional<List<Catalog.Entry>> partsB = catalog.components(b.title());
        if (partsA.isEmpty() || partsB.isEmpty()) {
            return Optional.empty();
        }
        List<Catalog.Entry> parts = new ArrayList<>(partsA.get());
        for (Catalog.Entry entry : partsB.get()) {
            if (parts.contains(entry)) {
                return Optional.empty(); // overlapping combinations add nothing new
            }
            parts.add(entry);
        }
        if (!tried.add(Catalog.identity(parts))
                || composer.compose(parts.stream().map(Catalog.Entry::diff).toList()).isEmpty()) {
            return Optional.empty();
        }
        StringBuilder changes = new StringBuilder();
        parts.forEach(part -> changes.append("- ").append(part.title()).append(" (").append(part.label()).append(")\n"));
        String text = String.format(Locale.ROOT, """
                [Experiment] Combine two ideas that each beat the baseline: "%s" (reward %.4g) and "%s" (reward %.4g). \
                If their gains come from different mechanisms they should add up; if they overlap, the combination shows it.
                [Code Changes] Apply these changes together, exactly as in their own patches:
                %s[End]""", a.title(), a.reward(), b.title(), b.reward(), changes);
        String title = Catalog.combinationTitle(parts);
        return Optional.of(new ProposedIdea(title, text, IdeaOrigin.CATALOG, List.of(a.id(), b.id())));
    }
}
