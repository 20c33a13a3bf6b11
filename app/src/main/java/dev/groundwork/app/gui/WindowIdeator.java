package dev.groundwork.app.gui;

import dev.groundwork.app.cli.UserError;
import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.inbox.IdeatorSource;
import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.runners.catalog.Catalog;
import java.io.IOException;
import java.util.List;

/**
 * The study's ideator for the Ideas page, built as the loop builds it ({@link LoopAssembly#ideator}): the offline
 * catalog, or the spec's LLM. Built anew for each request, so that a key set in Settings meanwhile is used.
 */
public final class WindowIdeator implements IdeatorSource {

    private final LoopAssembly loops;
    private final StudyFolder study;

    public WindowIdeator(LoopAssembly loops, StudyFolder study) {
        this.loops = loops;
        this.study = study;
    }

    @Override
    public String name() {
        AgentRef ref = study.spec().agents().ideator();
        return ref.kind() == AgentRef.Kind.CATALOG ? "offline catalog" : ref.toString(); // as the ideators call themselves
    }

    /** The catalog's ideas when the catalog implements (an unknown idea it cannot write a patch for); else none. */
    @Override
    public List<Suggestion> seedSuggestions() {
        if (study.spec().agents().implementer().kind() != AgentRef.Kind.CATALOG) {
            return List.of();
        }
        try {
            return Catalog.load(study.dir()).entries().stream()
                    .map(entry -> new Suggestion(entry.title(), entry.text().strip())).toList();
        } catch (IOException e) {
            return List.of(); // the generate dialog says what is wrong with the catalog; suggestions are a convenience
        }
    }

    @Override
    public Ideator open() throws AgentException {
        try {
            return loops.ideator(study);
        } catch (UserError e) {
            throw new AgentException(e.getMessage(), e); // a missing key: the sentence says what to set
        } catch (IOException e) {
            throw new AgentException("The study's idea catalog could not be read (" + e.getMessage() + "); fix "
                    + "ideas/catalog.yaml, or choose an LLM ideator in agents.ideator.", e);
        }
    }
}
