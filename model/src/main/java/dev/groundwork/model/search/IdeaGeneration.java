package dev.groundwork.model.search;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.IdeationRequest.Mode;
import dev.groundwork.model.agent.IdeationRequest.ScoredIdea;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.model.spec.GatesSpec;
import dev.groundwork.model.spec.SearchSpec;
import dev.groundwork.model.store.MetaRepository;
import dev.groundwork.model.study.StudyFolder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Asks an ideator for ideas and stores them as the loop stores them: in an epoch, with the ideator's origin, parents and
 * prompt call, ideas the study has already seen dropped. The loop's {@link ProposeStep} fills an epoch with it; the Ideas
 * page {@linkplain #generate generates} N ideas into the current epoch or {@linkplain #breed breeds} from parents the
 * researcher chose, through the study's idea gate. Page requests are asked in batches and stored batch by batch, so
 * that progress moves and a cancel keeps what was already stored.
 */
public final class IdeaGeneration {

    /** The most ideas one request from the page may ask for. */
    public static final int MAX_COUNT = 50;
    /**
     * Ideas per ideator call for the page: small enough that progress moves and a cancel loses little, large enough
     * that an LLM is not paid for a prompt per idea.
     */
    static final int BATCH = 5;

    /** What a page request reports while it works, and how it learns of a cancel. */
    public interface Progress {
        /** {@code done} of {@code wanted} ideas are stored. */
        void stored(int done, int wanted);

        /** True once the researcher cancelled: no further ideator call starts. */
        boolean cancelled();

        Progress NONE = new Progress() {
            @Override
            public void stored(int done, int wanted) {
            }

            @Override
            public boolean cancelled() {
                return Thread.currentThread().isInterrupted();
            }
        };
    }

    /**
     * What a page request stored.
     *
     * @param approved      the study's idea gate is auto, so the ideas were approved as they were stored
     * @param stoppedBecause why fewer than {@code asked} were stored, when something stopped the request
     */
    public record Outcome(String ideator, int epoch, int asked, List<Idea> stored, boolean approved, boolean cancelled,
                          Optional<String> stoppedBecause) {
        public Outcome {
            stored = List.copyOf(stored);
        }

        /** A sentence for the researcher: what was stored where, and what happens to it next. */
        public String sentence() {
            if (stored.isEmpty()) {
                return cancelled ? "Cancelled before any idea was stored."
                        : stoppedBecause.map(reason -> "No idea was stored: " + reason)
                        .orElse(capitalized(ideator) + " had no new idea for this request.");
            }
            String ids = String.join(", ", stored.stream().map(idea -> "#" + idea.id()).toList());
            String what = count(stored.size()) + " in epoch " + epoch + " (" + ids + ")";
            String head = cancelled ? "Cancelled after " + stored.size() + " of " + asked + "; kept " + what + "."
                    : stored.size() < asked
                    ? capitalized(ideator) + " had only " + count(stored.size()) + " of the " + asked + " asked for: stored "
                    + what + "."
                    : "Stored " + count(stored.size()) + " from " + ideator + " in epoch " + epoch + " (" + ids + ").";
            String reason = stoppedBecause.map(r -> " It stopped: " + r).orElse("");
            boolean one = stored.size() == 1;
            String next = approved ? " The idea gate is auto, so " + (one ? "it is" : "they are") + " approved; the"
                    + " implementer writes " + (one ? "its patch" : "their patches") + " on the loop's next pass."
                    : (one ? " It waits" : " They wait") + " at the idea gate for your approval.";
            return head + reason + next;
        }

        private static String count(int n) {
            return n + (n == 1 ? " new idea" : " new ideas");
        }

        private static String capitalized(String text) {
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    private final StudyFolder study;
    private final Ideator ideator;

    public IdeaGeneration(StudyFolder study, Ideator ideator) {
        this.study = study;
        this.ideator = ideator;
    }

    /**
     * Generates up to {@code count} ideas into the current epoch. Exploit asks the ideator to combine and refine the
     * ideas that beat the baseline, as the loop does; with none, there is nothing to exploit and nothing is asked.
     */
    public Outcome generate(int count, Mode mode, Progress progress) throws AgentException {
        requireCount(count);
        List<ScoredIdea> exemplars = mode == Mode.EXPLOIT ? Exemplars.beatingBaseline(study) : List.of();
        if (mode == Mode.EXPLOIT && exemplars.isEmpty()) {
            throw new IllegalArgumentException("No idea has beaten the baseline yet, so there is nothing to exploit;"
                    + " generate explore ideas, or breed from ideas you choose.");
        }
        return inBatches(count, mode, exemplars, List.of(), progress);
    }

    /**
     * Breeds up to {@code count} ideas from exactly the chosen parents: the ideator exploits them (the offline catalog
     * combines their patches when they apply together; an LLM combines and refines them), and each new idea is stored
     * with the parents it names, or all of them when it names none.
     */
    public Outcome breed(List<Long> parents, int count, Progress progress) throws AgentException {
        requireCount(count);
        List<ScoredIdea> exemplars = Exemplars.chosen(study, parents);
        return inBatches(count, Mode.EXPLOIT, exemplars, exemplars.stream().map(ScoredIdea::id).sorted().toList(),
                progress);
    }

    public static int currentEpoch(StudyFolder study) {
        return study.store().meta().get(MetaRepository.EPOCH).map(Integer::parseInt).orElse(0);
    }

    private static void requireCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("Ask for 1 to " + MAX_COUNT + " ideas at a time.");
        }
    }

    private Outcome inBatches(int count, Mode mode, List<ScoredIdea> exemplars, List<Long> chosenParents,
                              Progress progress) throws AgentException {
        int epoch = currentEpoch(study);
        boolean bestOfN = mode == Mode.EXPLORE && study.spec().search().mode() == SearchSpec.Mode.BEST_OF_N;
        boolean auto = study.spec().gates().idea() == GatesSpec.Gate.AUTO;
        List<Idea> stored = new ArrayList<>();
        progress.stored(0, count);
        while (stored.size() < count) {
            if (progress.cancelled()) {
                return new Outcome(ideator.displayName(), epoch, count, stored, auto, true, Optional.empty());
            }
            Optional<String> budget = llmBudgetSpent();
            if (budget.isPresent()) {
                return stopped(epoch, count, stored, auto, budget.get());
            }
            List<ProposedIdea> fresh;
            try {
                fresh = askFilled(epoch, Math.min(BATCH, count - stored.size()), mode, exemplars, List.of()).fresh();
            } catch (AgentException e) {
                if (progress.cancelled()) {
                    return new Outcome(ideator.displayName(), epoch, count, stored, auto, true, Optional.empty());
                }
                if (stored.isEmpty()) {
                    throw e;
                }
                return stopped(epoch, count, stored, auto, e.getMessage());
            }
            if (fresh.isEmpty()) {
                break; // the ideator has nothing new: asking again would not change that
            }
            for (ProposedIdea idea : fresh) {
                if (progress.cancelled()) {
                    // The thread is interrupted too: a write now would fail half-way, so the rest is not stored.
                    return new Outcome(ideator.displayName(), epoch, count, stored, auto, true, Optional.empty());
                }
                List<Long> parents = idea.parents().isEmpty() ? chosenParents : idea.parents();
                Idea saved = store(epoch, bestOfN ? IdeaOrigin.BEST_OF_N : idea.origin(), idea, parents);
                stored.add(auto ? study.store().ideas().moveTo(saved.id(), IdeaStatus.APPROVED) : saved);
                progress.stored(stored.size(), count);
            }
        }
        return new Outcome(ideator.displayName(), epoch, count, stored, auto, false, Optional.empty());
    }

    private Outcome stopped(int epoch, int count, List<Idea> stored, boolean auto, String reason) {
        return new Outcome(ideator.displayName(), epoch, count, stored, auto, false, Optional.of(reason));
    }

    /** The LLM budget, when the study's ideator spends it (the offline catalog spends nothing). */
    private Optional<String> llmBudgetSpent() {
        if (study.spec().agents().ideator().kind() == AgentRef.Kind.CATALOG) {
            return Optional.empty();
        }
        OptionalDouble limit = study.spec().budget().llmUsd();
        double spent = study.store().ledger().study().llmUsd();
        if (limit.isEmpty() || spent < limit.getAsDouble()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the LLM budget of $%.2f is spent ($%.2f so far); raise"
                + " budget.llm_usd in groundwork.yaml to go on.", limit.getAsDouble(), spent));
    }

    /** How many more times the ideator is asked when near-duplicates left a request short. */
    static final int REASKS = 2;

    /**
     * What one call to the ideator gave.
     *
     * @param fresh      ideas whose titles are new to the study (at most the count asked for)
     * @param duplicates ideas dropped because the study (or this request) already had their title
     */
    record Asked(List<ProposedIdea> fresh, int duplicates) {}

    /**
     * Asks the ideator for {@code count} ideas the study has not seen (nor {@code alreadyThisCall}, asked for but not
     * stored yet), keeps at most {@code count} whose titles are new, and asks again for what near-duplicates cost, at
     * most {@link #REASKS} more times, so that an epoch does not start short because an LLM repeated itself.
     */
    Asked askFilled(int epoch, int count, Mode mode, List<ScoredIdea> exemplars, List<ProposedIdea> alreadyThisCall)
            throws AgentException {
        List<ProposedIdea> fresh = new ArrayList<>();
        int duplicates = 0;
        for (int call = 0; call <= REASKS && fresh.size() < count; call++) {
            List<ProposedIdea> asked = new ArrayList<>(alreadyThisCall);
            asked.addAll(fresh);
            Asked answer = askOnce(epoch, count - fresh.size(), mode, exemplars, asked);
            fresh.addAll(answer.fresh());
            duplicates += answer.duplicates();
            if (answer.duplicates() == 0) {
                break; // short for another reason (the catalog ran out): asking again would not change that
            }
        }
        return new Asked(fresh, duplicates);
    }

    private Asked askOnce(int epoch, int count, Mode mode, List<ScoredIdea> exemplars,
                          List<ProposedIdea> alreadyThisCall) throws AgentException {
        List<IdeationRequest.PastIdea> pastIdeas = new ArrayList<>();
        study.store().ideas().all().forEach(idea ->
                pastIdeas.add(new IdeationRequest.PastIdea(idea.id(), idea.title(), idea.text())));
        alreadyThisCall.forEach(idea -> pastIdeas.add(new IdeationRequest.PastIdea(0, idea.title(), idea.text())));
        List<ProposedIdea> answer = ideator.propose(new IdeationRequest(epoch, count, mode, exemplars, pastIdeas));
        Set<String> seen = new HashSet<>();
        pastIdeas.forEach(idea -> seen.add(key(idea.title())));
        List<ProposedIdea> fresh = new ArrayList<>();
        int duplicates = 0;
        for (ProposedIdea idea : answer) {
            if (!seen.add(key(idea.title()))) {
                duplicates++;
            } else if (fresh.size() < count) {
                fresh.add(idea);
            }
        }
        return new Asked(fresh, duplicates);
    }

    /** Stores one proposed idea, proposed (the caller applies the gate). */
    Idea store(int epoch, IdeaOrigin origin, ProposedIdea idea, List<Long> parents) {
        return study.store().ideas().propose(new NewIdea(epoch, origin, idea.title(), idea.text(), parents,
                idea.promptCallId()));
    }

    /** Titles compared without case, spacing and punctuation: "Cosine LR" and "cosine-lr." are the same idea. */
    static String key(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
