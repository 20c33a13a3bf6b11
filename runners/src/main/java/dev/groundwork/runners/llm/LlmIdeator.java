package dev.groundwork.runners.llm;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.IdeationRequest.PastIdea;
import dev.groundwork.model.agent.IdeationRequest.ScoredIdea;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.llm.LlmCallLog;
import dev.groundwork.model.llm.LlmRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The LLM ideator, after the method: N ideas come from ⌈N/10⌉ calls of at most ten ideas each, run in parallel. Explore
 * prompts list past ideas to avoid (a random 100 when there are more, a different sample per call); exploit prompts
 * list the exemplars with their rewards and ask to combine and refine them. Answers are parsed by {@link IdeaParser};
 * ideas that repeat a past idea or each other ({@link NearDuplicates}) are dropped. Each idea keeps the id of the
 * recorded call that produced it; an exploit idea's parents are the exemplars it names in {@code [Builds On]}, or every
 * exemplar the prompt showed when it names none.
 */
public final class LlmIdeator implements Ideator {

    static final int IDEAS_PER_CALL = 10;
    /** Exemplars and past ideas one prompt shows at most, as in the method. */
    static final int MAX_LISTED = 100;
    private static final int EXCERPT_CHARS = 240;
    private static final String ROLE_KEY = "agents.ideator";

    private final CallRecorder calls;
    private final PromptTemplates prompts;
    private final String study;
    private final IdeaParser parser = new IdeaParser();

    public LlmIdeator(LlmClient client, PromptTemplates prompts, String studyDescription, LlmCallLog log,
                      Pricing pricing) {
        this.calls = new CallRecorder(client, log, pricing, LlmRole.IDEATOR, ROLE_KEY);
        this.prompts = prompts;
        this.study = studyDescription == null || studyDescription.isBlank() ? "(no description)" : studyDescription;
    }

    @Override
    public String displayName() {
        return calls.settings().displayName();
    }

    @Override
    public List<ProposedIdea> propose(IdeationRequest request) throws AgentException {
        boolean exploit = request.mode() == IdeationRequest.Mode.EXPLOIT && !request.exemplars().isEmpty();
        List<ScoredIdea> shown = exploit
                ? request.exemplars().subList(0, Math.min(MAX_LISTED, request.exemplars().size())) : List.of();
        int callCount = (request.count() + IDEAS_PER_CALL - 1) / IDEAS_PER_CALL;
        List<Callable<CallRecorder.Outcome>> tasks = new ArrayList<>();
        for (int i = 0; i < callCount; i++) {
            int size = Math.min(IDEAS_PER_CALL, request.count() - i * IDEAS_PER_CALL);
            LlmPrompt prompt = prompt(request, exploit, shown, size, i);
            tasks.add(() -> calls.call(prompt, null, request.epoch()));
        }
        List<CallRecorder.Outcome> outcomes = run(tasks);

        NearDuplicates seen = new NearDuplicates();
        request.pastIdeas().forEach(idea -> seen.add(idea.title(), idea.text()));
        request.exemplars().forEach(idea -> seen.add(idea.title(), idea.text()));
        Set<Long> shownIds = new LinkedHashSet<>();
        shown.forEach(idea -> shownIds.add(idea.id()));
        List<Long> allShown = shownIds.stream().sorted().toList();
        IdeaOrigin origin = exploit ? IdeaOrigin.LLM_EXPLOIT : IdeaOrigin.LLM_EXPLORE;

        List<ProposedIdea> ideas = new ArrayList<>();
        List<CallRecorder.Outcome> unparsed = new ArrayList<>();
        CallRecorder.Outcome firstFailure = null;
        for (CallRecorder.Outcome outcome : outcomes) {
            if (!outcome.ok()) {
                firstFailure = firstFailure == null ? outcome : firstFailure;
                continue;
            }
            List<IdeaParser.ParsedIdea> parsed = parser.parse(outcome.reply().text());
            if (parsed.isEmpty()) {
                unparsed.add(outcome);
            }
            for (IdeaParser.ParsedIdea idea : parsed) {
                if (ideas.size() >= request.count() || seen.isDuplicate(idea.title(), idea.text())) {
                    continue;
                }
                seen.add(idea.title(), idea.text());
                List<Long> parents = List.of();
                if (exploit) {
                    List<Long> named = idea.buildsOn().stream().filter(shownIds::contains).sorted().toList();
                    parents = named.isEmpty() ? allShown : named;
                }
                ideas.add(new ProposedIdea(idea.title(), idea.text(), origin, parents, outcome.call().id()));
            }
        }
        if (ideas.isEmpty()) {
            if (firstFailure != null) {
                throw firstFailure.failure().asAgentException(ROLE_KEY);
            }
            if (!unparsed.isEmpty()) {
                throw new AgentException(calls.settings().displayName() + " answered without any idea in the [Title]"
                        + " [Experiment] [Code Changes] [End] format (LLM call " + unparsed.getFirst().call().id()
                        + "); try again, try another model, or set " + ROLE_KEY + ": catalog.");
            }
        }
        return List.copyOf(ideas);
    }

    private List<CallRecorder.Outcome> run(List<Callable<CallRecorder.Outcome>> tasks) throws AgentException {
        try {
            if (tasks.size() == 1) {
                return List.of(tasks.getFirst().call());
            }
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<CallRecorder.Outcome> outcomes = new ArrayList<>();
                for (Future<CallRecorder.Outcome> future : executor.invokeAll(tasks)) {
                    outcomes.add(future.get());
                }
                return outcomes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("asking " + displayName() + " for ideas was interrupted.", e);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private LlmPrompt prompt(IdeationRequest request, boolean exploit, List<ScoredIdea> shown, int size, int callIndex) {
        Set<Long> shownIds = new HashSet<>();
        shown.forEach(idea -> shownIds.add(idea.id()));
        List<PastIdea> past = new ArrayList<>(request.pastIdeas().stream()
                .filter(idea -> idea.id() == 0 || !shownIds.contains(idea.id())).toList());
        if (past.size() > MAX_LISTED) {
            Collections.shuffle(past, new Random(request.epoch() * 1_000_003L + callIndex));
            past = new ArrayList<>(past.subList(0, MAX_LISTED));
        }
        Map<String, String> values = new HashMap<>();
        values.put("study", study);
        values.put("count", Integer.toString(size));
        values.put("avoid", avoidList(past));
        if (exploit) {
            values.put("exemplars", exemplarList(shown));
            return prompts.render(PromptTemplates.IDEATOR_EXPLOIT, values);
        }
        return prompts.render(PromptTemplates.IDEATOR_EXPLORE, values);
    }

    private static String avoidList(List<PastIdea> past) {
        StringBuilder list = new StringBuilder();
        for (PastIdea idea : past) {
            list.append("- ").append(idea.id() > 0 ? "#" + idea.id() + " " : "").append(idea.title().strip());
            String summary = summary(idea.text());
            if (!summary.isEmpty()) {
                list.append(": ").append(summary);
            }
            list.append('\n');
        }
        return list.toString();
    }

    private static String exemplarList(List<ScoredIdea> shown) {
        StringBuilder list = new StringBuilder();
        for (ScoredIdea idea : shown) {
            list.append("## #").append(idea.id()).append(' ').append(idea.title().strip())
                    .append(String.format(Locale.ROOT, " (reward %.6g)", idea.reward())).append("\n\n")
                    .append(idea.text().strip()).append("\n\n");
        }
        return list.toString();
    }

    /** The experiment's opening, on one line. */
    static String summary(String text) {
        String experiment = text.replaceFirst("(?is)^\\s*\\[experiment]\\s*", "");
        int code = experiment.toLowerCase(Locale.ROOT).indexOf("[code change");
        if (code >= 0) {
            experiment = experiment.substring(0, code);
        }
        experiment = experiment.replaceAll("(?i)\\[end]", "").replaceAll("\\s+", " ").strip();
        return experiment.length() <= EXCERPT_CHARS ? experiment : experiment.substring(0, EXCERPT_CHARS - 1) + "…";
    }
}
