package dev.groundwork.runners.llm;

import static dev.groundwork.runners.llm.ApiBodies.chatCompletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.IdeationRequest.Mode;
import dev.groundwork.model.agent.IdeationRequest.PastIdea;
import dev.groundwork.model.agent.IdeationRequest.ScoredIdea;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.llm.LlmRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmIdeatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COUNT = Pattern.compile("Propose (\\d+) new");
    private static final String STUDY = "Study: charlm\n\nA character-level language model in numpy.";

    private MockApi api;
    private final List<String> prompts = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        api = new MockApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Answers every chat completion with the ideas {@code answer} writes for (call number, ideas asked for). */
    private void answerWith(Function<int[], String> answer) {
        api.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String user = userMessage(request);
                prompts.add(user);
                Matcher count = COUNT.matcher(user);
                int n = count.find() ? Integer.parseInt(count.group(1)) : 0;
                int call = calls.incrementAndGet();
                String body = request.getUrl().encodedPath().endsWith("/messages")
                        ? ApiBodies.message("claude-sonnet-4-5-20250929", answer.apply(new int[] {call, n}), 3000, 1500)
                        : chatCompletion("gpt-4o-2024-08-06", answer.apply(new int[] {call, n}), 3000, 1500);
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                        .build();
            }
        });
    }

    private static String userMessage(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(MockApi.body(request));
            JsonNode messages = body.get("messages");
            return messages.get(messages.size() - 1).get("content").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ideas(int call, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            out.append("[Title] Idea ").append(call).append('.').append(i).append(" about ").append(topic(call, i))
                    .append("\n[Experiment] Try ").append(topic(call, i)).append(" with setting ").append(call * 100 + i)
                    .append(" because ").append(topic(call, i)).append(" may help the ").append(i % 2 == 0 ? "loss"
                            : "reward").append(".\n[Code Changes] train.py: change ").append(topic(call, i))
                    .append(".\n[End]\n\n");
        }
        return out.toString();
    }

    private static String topic(int call, int i) {
        String[] words = {"dropout", "momentum", "warmup", "clipping", "smoothing", "embedding", "context", "decay",
            "batching", "init", "activation", "residual"};
        return words[(call * 7 + i) % words.length] + "-" + call + "-" + i;
    }

    private LlmIdeator ideator(LlmSettings settings) {
        return new LlmIdeator(api.client(settings), PromptTemplates.bundled(), STUDY, api.log, Pricing.bundled());
    }

    @Test
    void twentyFiveIdeasComeFromThreeParallelCallsEachRecorded() throws Exception {
        answerWith(call -> ideas(call[0], call[1]));

        List<ProposedIdea> ideas = ideator(api.openAi("gpt-4o"))
                .propose(new IdeationRequest(3, 25, Mode.EXPLORE, List.of(), List.of()));

        assertThat(ideas).hasSize(25);
        assertThat(prompts).hasSize(3);
        assertThat(prompts).extracting(prompt -> {
            Matcher m = COUNT.matcher(prompt);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }).containsExactlyInAnyOrder(10, 10, 5);
        assertThat(prompts).allSatisfy(prompt -> assertThat(prompt).contains(STUDY).contains("[Title]")
                .doesNotContain("{{").doesNotContain("avoid similar ideas"));
        assertThat(ideas).allSatisfy(idea -> {
            assertThat(idea.origin()).isEqualTo(IdeaOrigin.LLM_EXPLORE);
            assertThat(idea.parents()).isEmpty();
            assertThat(idea.text()).startsWith("[Experiment] Try ").endsWith("\n[End]");
        });
        List<LlmCall> recorded = api.log.calls();
        assertThat(recorded).hasSize(3).allSatisfy(call -> {
            assertThat(call.role()).isEqualTo(LlmRole.IDEATOR);
            assertThat(call.provider()).isEqualTo("openai");
            assertThat(call.model()).isEqualTo("gpt-4o");
            assertThat(call.epoch()).isEqualTo(3);
            assertThat(call.ideaId()).isNull();
            assertThat(call.tokensIn()).isEqualTo(3000);
            assertThat(call.tokensOut()).isEqualTo(1500);
            assertThat(call.costUsd()).isCloseTo(3000 * 2.5e-6 + 1500 * 10e-6, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(call.prompt()).startsWith("[[system]]\nYou are a research scientist").contains("[[user]]\n# The study");
            assertThat(call.response()).contains("[Title] Idea ");
            assertThat(call.error()).isNull();
        });
        assertThat(ideas).extracting(ProposedIdea::promptCallId).doesNotContainNull()
                .allMatch(id -> recorded.stream().anyMatch(call -> call.id() == id));
        assertThat(ideas.stream().map(ProposedIdea::promptCallId).distinct()).hasSize(3);
    }

    @Test
    void ideasThatRepeatPastIdeasOrEachOtherAreDropped() throws Exception {
        answerWith(call -> """
                [Title] COSINE lr schedule!
                [Experiment] Anything.
                [Code Changes] train.py.
                [End]
                [Title] Gradient clipping at norm one
                [Experiment] Clip the global gradient norm to one before each update so that rare large gradients \
                from unlucky batches cannot throw the weights far away from the good region.
                [Code Changes] train.py: compute the norm of all gradients and scale them by min(1, 1 / norm).
                [End]
                [Title] Clip gradients
                [Experiment] Clip the global gradient norm to one before each update so that rare large gradients \
                from unlucky batches cannot throw the weights far from the good region.
                [Code Changes] train.py: compute the norm of all gradients and scale them by min(1, 1 / norm).
                [End]
                [Title] Wider embedding
                [Experiment] Use 32 embedding dimensions.
                [Code Changes] train.py: EMBED_DIM = 32.
                [End]
                """);
        List<PastIdea> past = List.of(new PastIdea(4, "Cosine LR schedule", "[Experiment] cosine.\n[End]"));

        List<ProposedIdea> ideas = ideator(api.openAi("gpt-4o"))
                .propose(new IdeationRequest(1, 4, Mode.EXPLORE, List.of(), past));

        assertThat(ideas).extracting(ProposedIdea::title)
                .containsExactly("Gradient clipping at norm one", "Wider embedding");
        assertThat(prompts.getFirst()).contains("# Ideas already proposed in this study (avoid similar ideas)")
                .contains("- #4 Cosine LR schedule: cosine.");
    }

    @Test
    void exploitShowsTheExemplarsWithRewardsAndTakesParentsFromBuildsOn() throws Exception {
        answerWith(call -> """
                [Title] Cosine decay with momentum
                [Builds On] #12, #15, #99
                [Experiment] Combine a cosine learning-rate decay with momentum 0.9.
                [Code Changes] train.py: both changes.
                [End]
                [Title] Longer cosine tail
                [Experiment] Decay to 1e-4 instead of 0.
                [Code Changes] train.py: lr floor.
                [End]
                """);
        List<ScoredIdea> exemplars = List.of(
                new ScoredIdea(15, "Momentum", "[Experiment] Momentum 0.9.\n[Code Changes] train.py.\n[End]", 1.8123),
                new ScoredIdea(12, "Cosine LR", "[Experiment] Cosine decay.\n[Code Changes] train.py.\n[End]", 1.9001));
        List<PastIdea> past = List.of(new PastIdea(12, "Cosine LR", "[Experiment] Cosine decay.\n[End]"),
                new PastIdea(15, "Momentum", "[Experiment] Momentum 0.9.\n[End]"),
                new PastIdea(16, "ReLU", "[Experiment] ReLU instead of tanh.\n[End]"));

        List<ProposedIdea> ideas = ideator(api.openAi("gpt-4o"))
                .propose(new IdeationRequest(2, 2, Mode.EXPLOIT, exemplars, past));

        assertThat(ideas).hasSize(2).allSatisfy(idea -> assertThat(idea.origin()).isEqualTo(IdeaOrigin.LLM_EXPLOIT));
        assertThat(ideas.get(0).parents()).containsExactly(12L, 15L); // #99 was never shown
        assertThat(ideas.get(1).parents()).containsExactly(12L, 15L); // names none: every exemplar shown
        String prompt = prompts.getFirst();
        assertThat(prompt).contains("# Ideas that beat the baseline, best first")
                .contains("## #15 Momentum (reward 1.81230)\n\n[Experiment] Momentum 0.9.")
                .contains("## #12 Cosine LR (reward 1.90010)")
                .contains("- #16 ReLU: ReLU instead of tanh.")
                .doesNotContain("- #12 Cosine LR").contains("[Builds On]");
        assertThat(prompt.indexOf("#15 Momentum")).isLessThan(prompt.indexOf("#12 Cosine LR"));
    }

    @Test
    void anthropicIdeatorWorksTheSameWay() throws Exception {
        answerWith(call -> ideas(call[0], call[1]));

        List<ProposedIdea> ideas = ideator(api.anthropic("claude-sonnet-4-5"))
                .propose(new IdeationRequest(0, 3, Mode.EXPLORE, List.of(), List.of()));

        assertThat(ideas).hasSize(3);
        assertThat(api.log.last().provider()).isEqualTo("anthropic");
        assertThat(api.log.last().costUsd()).isCloseTo(3000 * 3e-6 + 1500 * 15e-6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ideas.getFirst().promptCallId()).isEqualTo(api.log.last().id());
    }

    @Test
    void aBadKeyIsOneSentenceAndTheFailedCallIsRecorded() {
        api.json(401, ApiBodies.OPENAI_BAD_KEY);

        AgentException e = catchThrowableOfType(AgentException.class, () -> ideator(api.openAi("gpt-4o"))
                .propose(new IdeationRequest(0, 5, Mode.EXPLORE, List.of(), List.of())));

        assertThat(e.getMessage()).contains("refused the key in OPENAI_API_KEY (401: Incorrect API key provided:")
                .endsWith("; check the key, or set agents.ideator: catalog.");
        LlmCall call = api.log.last();
        assertThat(call.error()).isEqualTo(e.getMessage());
        assertThat(call.prompt()).contains("Propose 5 new research ideas");
        assertThat(call.tokensIn()).isZero();
        assertThat(call.costUsd()).isZero();
    }

    @Test
    void anAnswerWithoutIdeasIsASentenceNamingTheCall() {
        answerWith(call -> "I would rather not speculate about research directions.");

        AgentException e = catchThrowableOfType(AgentException.class, () -> ideator(api.openAi("gpt-4o"))
                .propose(new IdeationRequest(0, 5, Mode.EXPLORE, List.of(), List.of())));

        assertThat(e.getMessage()).isEqualTo("openai:gpt-4o answered without any idea in the [Title] [Experiment]"
                + " [Code Changes] [End] format (LLM call 1); try again, try another model, or set agents.ideator:"
                + " catalog.");
    }

    @Test
    void oneFailedCallOfSeveralCostsOnlyItsIdeas() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        api.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Matcher count = COUNT.matcher(userMessage(request));
                int n = count.find() ? Integer.parseInt(count.group(1)) : 0;
                if (seen.incrementAndGet() == 1) {
                    return new MockResponse.Builder().code(400).body(ApiBodies.openAiError("Invalid 'messages'",
                            "invalid_request_error", "messages", null)).build();
                }
                return new MockResponse.Builder().code(200).body(chatCompletion("gpt-4o", ideas(9, n), 10, 10)).build();
            }
        });

        List<ProposedIdea> ideas = ideator(api.openAi("gpt-4o"))
                .propose(new IdeationRequest(0, 20, Mode.EXPLORE, List.of(), List.of()));

        assertThat(ideas).hasSize(10);
        assertThat(api.log.calls()).hasSize(2);
        assertThat(api.log.calls()).filteredOn(call -> call.error() != null).singleElement()
                .satisfies(call -> assertThat(call.error()).contains("rejected the request for gpt-4o (400"));
    }

    @Test
    void manyPastIdeasAreSampledToAHundredPerPrompt() throws Exception {
        answerWith(call -> ideas(call[0], call[1]));
        List<PastIdea> past = new ArrayList<>();
        IntStream.rangeClosed(1, 250).forEach(i -> past.add(new PastIdea(i, "Past idea " + i,
                "[Experiment] Variant " + i + " of something.\n[End]")));

        ideator(api.openAi("gpt-4o")).propose(new IdeationRequest(1, 2, Mode.EXPLORE, List.of(), past));

        assertThat(prompts.getFirst().lines().filter(line -> line.startsWith("- #")).count()).isEqualTo(100);
    }
}
