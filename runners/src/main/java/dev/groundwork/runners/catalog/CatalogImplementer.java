package dev.groundwork.runners.catalog;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.ImplementationRequest;
import dev.groundwork.model.agent.Implementer;
import java.util.List;
import java.util.Optional;

/**
 * The offline implementer: the catalog's own patch for a catalog idea, the composition of its components' patches for
 * a combination, or its parents' approved diffs composed. It cannot revise a patch that failed.
 */
public final class CatalogImplementer implements Implementer {

    private final Catalog catalog;
    private final PatchComposer composer;

    public CatalogImplementer(Catalog catalog, PatchComposer composer) {
        this.catalog = catalog;
        this.composer = composer;
    }

    @Override
    public String displayName() {
        return "offline catalog";
    }

    @Override
    public String author() {
        return "catalog";
    }

    @Override
    public boolean revises() {
        return false;
    }

    @Override
    public Optional<String> cannotImplement(String title, boolean hasParents) {
        if (hasParents || catalog.byName(title).isPresent() || catalog.components(title).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("The offline catalog (agents.implementer) writes patches only for its own ideas and their"
                + " combinations, and \"" + title + "\" is not one of them: give the idea your own diff, or set an LLM"
                + " implementer in agents.implementer.");
    }

    @Override
    public String implement(ImplementationRequest request) throws AgentException {
        String title = request.idea().title();
        if (!request.previousAttempts().isEmpty()) {
            throw new AgentException("the offline catalog's patch for \"" + title + "\" failed ("
                    + firstLine(request.previousAttempts().getLast().error()) + ") and the catalog cannot revise it; edit"
                    + " the patch in review, or choose an LLM implementer in agents.implementer.");
        }
        Optional<Catalog.Entry> entry = catalog.byName(title);
        if (entry.isPresent()) {
            return entry.get().diff();
        }
        Optional<List<Catalog.Entry>> parts = catalog.components(title);
        if (parts.isPresent()) {
            return composed(parts.get().stream().map(Catalog.Entry::diff).toList(), title);
        }
        if (!request.parentDiffs().isEmpty()) {
            return composed(request.parentDiffs(), title);
        }
        throw new AgentException("the offline catalog has no patch for \"" + title + "\"; give the idea your own diff"
                + " your own patch, or choose an LLM implementer in agents.implementer.");
    }

    private String composed(List<String> diffs, String title) throws AgentException {
        return composer.compose(diffs).orElseThrow(() -> new AgentException("the patches combined in \"" + title
                + "\" conflict, so the offline catalog cannot implement it."));
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("no reason given");
    }
}
