package dev.groundwork.views.ideas;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.IdeationRequest.ScoredIdea;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.inbox.IdeatorSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small offline ideator for page tests (the real catalog lives in runners, which views may not use): explore gives the
 * listed titles the study has not tried, in order; exploit pairs the exemplars, best first, as "A + B" with both as
 * parents. {@link #beforeEachCall} lets a test act while a request is being answered (cancel it, fail it).
 */
final class ListIdeator implements Ideator, IdeatorSource {

    static final List<String> TITLES = List.of("Gradient clipping", "Label smoothing", "Weight decay", "Dropout",
            "Longer warmup", "Adam optimizer", "Wider hidden layer", "Batch of 128", "Tied embeddings",
            "Learning-rate finder", "EMA of weights", "Residual connections");

    /** What a test does as each call starts. */
    interface Hook {
        void call(int index, IdeationRequest request) throws AgentException;
    }

    final List<IdeationRequest> requests = new ArrayList<>();
    Hook beforeEachCall = (index, request) -> { };

    @Override
    public String name() {
        return displayName();
    }

    @Override
    public Ideator open() {
        return this;
    }

    @Override
    public String displayName() {
        return "list ideator";
    }

    @Override
    public List<ProposedIdea> propose(IdeationRequest request) throws AgentException {
        requests.add(request);
        beforeEachCall.call(requests.size() - 1, request);
        Set<String> tried = request.pastIdeas().stream().map(idea -> key(idea.title())).collect(Collectors.toSet());
        List<ProposedIdea> ideas = new ArrayList<>();
        if (request.mode() == IdeationRequest.Mode.EXPLOIT) {
            List<ScoredIdea> parents = request.exemplars();
            for (int i = 0; i < parents.size(); i++) {
                for (int j = i + 1; j < parents.size() && ideas.size() < request.count(); j++) {
                    String title = parents.get(i).title() + " + " + parents.get(j).title();
                    if (!tried.contains(key(title))) {
                        ideas.add(new ProposedIdea(title, "Combine both.", IdeaOrigin.CATALOG,
                                List.of(parents.get(i).id(), parents.get(j).id())));
                    }
                }
            }
            return ideas;
        }
        for (String title : TITLES) {
            if (ideas.size() < request.count() && !tried.contains(key(title))) {
                ideas.add(new ProposedIdea(title, "[Experiment] " + title + ".", IdeaOrigin.CATALOG, List.of()));
            }
        }
        return ideas;
    }

    private static String key(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
