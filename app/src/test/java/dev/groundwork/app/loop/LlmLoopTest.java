package dev.groundwork.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.llm.LlmRole;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.runners.preflight.PythonPreflight;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop on the minimal study with both agents an OpenAI-compatible server on loopback (as vLLM, Ollama or LM Studio
 * would be): ideas with their prompts recorded, the model's sloppy diffs repaired and applied, runs scored, cost counted.
 */
class LlmLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a model writes: hunk counts and line numbers wrong, fenced, with prose around it. */
    private static final Map<String, String> DIFFS = Map.of(
            "0.08", """
                    Here is the change:

                    ```diff
                    --- a/train.py
                    +++ b/train.py
                    @@ -5,2 +5,2 @@
                     STEPS = 60
                    -LEARNING_RATE = 0.05
                    +LEARNING_RATE = 0.08
                     LOG_EVERY = 10
                    ```
                    This raises the learning rate.""",
            "120 steps", """
                    ```diff
                    --- train.py
                    +++ train.py
                    @@ -20,7 +20,9 @@
                     from evaluate import val_loss

                    -STEPS = 60
                    +STEPS = 120
                     LEARNING_RATE = 0.05
                    ```""");

    @TempDir
    Path temp;

    private MockWebServer server;
    private final AtomicInteger ideatorCalls = new AtomicInteger();
    private volatile boolean crashFirst;
    private final List<String> implementerRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!"Bearer local-key".equals(request.getHeaders().get("Authorization"))) {
                    return json(401, """
                            {"error": {"message": "Incorrect API key provided: wrong. You can find your API key at \
                            https://platform.openai.com/account/api-keys.", "type": "invalid_request_error", "param": null, \
                            "code": "invalid_api_key"}}""");
                }
                String prompt = lastMessage(request);
                if (prompt.contains("# The idea to implement")) {
                    implementerRequests.add(request.getBody().utf8());
                }
                return json(200, completion(prompt.contains("# The idea to implement") ? implement(prompt) : ideate(prompt)));
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void llmIdeasAndDiffsRunThroughTheLoopWithPromptsAndCostRecorded() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"), Map.of("OPENAI_API_KEY", "local-key"));
        Path study = temp.resolve("study");
        assertThat(cli.run("new", study.toString(), "--template", "minimal").exitCode()).isZero();

        CliRunner.Outcome outcome = cli.run("run", study.toString(), "--ideator", "openai:gpt-4o-mini", "--implementer",
                "openai:gpt-4o-mini", "--base-url", server.url("/v1").toString(), "--epochs", "1", "--ideas-per-epoch", "2",
                "--auto-approve");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("$0.0016 LLM");

        inspect(cli, study, folder -> {
            List<Idea> ideas = folder.store().ideas().all();
            assertThat(ideas).extracting(Idea::title).containsExactlyInAnyOrder("Raise the learning rate to 0.08",
                    "Train for 120 steps");
            for (Idea idea : ideas) {
                assertThat(idea.origin()).isEqualTo(IdeaOrigin.LLM_EXPLORE);
                LlmCall prompt = folder.store().llmCalls().all().stream()
                        .filter(call -> call.id() == idea.promptCallId()).findFirst().orElseThrow();
                assertThat(prompt.role()).isEqualTo(LlmRole.IDEATOR);
                assertThat(prompt.prompt()).contains("Propose 2 new research ideas");
                assertThat(prompt.costUsd()).isPositive();
            }
            assertThat(folder.store().patches().all()).hasSize(2).allSatisfy(patch -> {
                assertThat(patch.author()).isEqualTo("llm:gpt-4o-mini");
                assertThat(patch.status()).isEqualTo(PatchStatus.APPROVED);
            });
            assertThat(folder.store().runs().all()).hasSize(3).allMatch(run -> run.status() == RunStatus.SUCCEEDED);
            assertThat(folder.store().llmCalls().all()).filteredOn(call -> call.role() == LlmRole.IMPLEMENTER).hasSize(2)
                    .allSatisfy(call -> assertThat(call.ideaId()).isNotNull());
            assertThat(folder.status().llmUsd()).isPositive();
            Patch steps = folder.store().patches().all().stream().filter(p -> p.diff().contains("120")).findFirst().orElseThrow();
            assertThat(steps.applyReport()).contains("offset");
        });

        CliRunner.Outcome log = cli.run("llm", "log", study.toString());
        assertThat(log.out()).contains("ideator").contains("implementer").contains("openai:gpt-4o-mini").contains("3 calls, $0.0016");
    }

    @Test
    void aWrongKeyStopsTheLoopWithOneSentenceAndLosesNothing() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"), Map.of("OPENAI_API_KEY", "wrong"));
        Path study = temp.resolve("study");
        assertThat(cli.run("new", study.toString(), "--template", "minimal").exitCode()).isZero();

        CliRunner.Outcome outcome = cli.run("run", study.toString(), "--ideator", "openai:gpt-4o-mini",
                "--base-url", server.url("/v1").toString(), "--epochs", "1", "--ideas-per-epoch", "2", "--auto-approve");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("The ideator failed: ").contains("401").contains("Nothing was lost")
                .doesNotContain("wrong\"").doesNotContain("Exception");
        inspect(cli, study, folder -> {
            assertThat(folder.store().ideas().all()).isEmpty();
            assertThat(folder.store().runs().baselineRuns()).singleElement()
                    .satisfies(run -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED));
            assertThat(folder.store().llmCalls().all()).singleElement()
                    .satisfies(call -> assertThat(call.error()).contains("401"));
        });

        CliRunner.Outcome fixed = new CliRunner(temp.resolve("home"), Map.of("OPENAI_API_KEY", "local-key")).run("run",
                study.toString(), "--ideator", "openai:gpt-4o-mini", "--implementer", "openai:gpt-4o-mini", "--base-url",
                server.url("/v1").toString(), "--epochs", "1", "--ideas-per-epoch", "2", "--auto-approve");
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        inspect(cli, study, folder -> assertThat(folder.store().runs().baselineRuns()).as("the baseline is not rerun").hasSize(1));
    }

    @Test
    void aRunThatCrashesEarlyGetsOneRepairWithItsTraceback() throws Exception {
        crashFirst = true;
        CliRunner cli = new CliRunner(temp.resolve("home"), Map.of("OPENAI_API_KEY", "local-key"));
        Path study = temp.resolve("study");
        assertThat(cli.run("new", study.toString(), "--template", "minimal").exitCode()).isZero();

        CliRunner.Outcome outcome = cli.run("run", study.toString(), "--ideator", "openai:gpt-4o-mini", "--implementer",
                "openai:gpt-4o-mini", "--base-url", server.url("/v1").toString(), "--epochs", "1", "--ideas-per-epoch", "2",
                "--auto-approve");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).contains("crashed early; asking openai:gpt-4o-mini for one repair");

        inspect(cli, study, folder -> {
            Idea lr = folder.store().ideas().all().stream().filter(idea -> idea.title().contains("0.08")).findFirst()
                    .orElseThrow();
            List<Patch> attempts = folder.store().patches().forIdea(lr.id());
            assertThat(attempts).hasSize(2);
            assertThat(folder.store().runs().forPatch(attempts.get(0).id())).singleElement()
                    .satisfies(run -> assertThat(run.status()).isEqualTo(RunStatus.FAILED));
            assertThat(folder.store().runs().forPatch(attempts.get(1).id())).singleElement()
                    .satisfies(run -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED));
            LlmCall repair = folder.store().llmCalls().forIdea(lr.id()).getLast();
            assertThat(repair.prompt()).contains("Traceback").contains("NameError").contains("learning_rat");
        });
    }

    @Test
    void aPatchSentBackWithACommentIsRegeneratedWithTheCommentInThePrompt() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"), Map.of("OPENAI_API_KEY", "local-key"));
        Path study = temp.resolve("study");
        assertThat(cli.run("new", study.toString(), "--template", "minimal").exitCode()).isZero();
        String[] run = {"run", study.toString(), "--ideator", "openai:gpt-4o-mini", "--implementer", "openai:gpt-4o-mini",
            "--base-url", server.url("/v1").toString(), "--epochs", "1", "--ideas-per-epoch", "2"};

        CliRunner.Outcome first = cli.run(run);
        assertThat(first.err()).contains("Epoch 0 waits for review: 2 patches.");
        long[] ideaId = new long[1];
        StudyCheck.inspect(temp, cli, study, folder -> {
            Patch lr = folder.store().patches().withStatus(PatchStatus.PREFLIGHT_OK).stream()
                    .filter(patch -> patch.diff().contains("0.08")).findFirst().orElseThrow();
            ideaId[0] = lr.ideaId();
            PatchReview review = new PatchReview(folder, Clock.systemUTC(), new HumanPatches(folder, new BaselineCode(folder),
                    new PythonPreflight("python3"), LoopEvents.NONE));
            review.regenerate(lr.id(), "ada", "Keep the change to one line and explain nothing.");
        });

        CliRunner.Outcome second = cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(run),
                java.util.stream.Stream.of("--auto-approve")).toArray(String[]::new));
        assertThat(second.exitCode()).as(second.err()).isZero();
        StudyCheck.inspect(temp, cli, study, folder -> {
            List<Patch> attempts = folder.store().patches().forIdea(ideaId[0]);
            assertThat(attempts).extracting(Patch::status).containsExactly(PatchStatus.REJECTED, PatchStatus.APPROVED);
            assertThat(attempts.getFirst().decision().comment()).isEqualTo("Keep the change to one line and explain nothing.");
            assertThat(folder.store().llmCalls().forIdea(ideaId[0]).getLast().prompt())
                    .contains("Keep the change to one line and explain nothing.");
            assertThat(folder.store().runs().forPatch(attempts.getLast().id())).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
        });
    }

    @Test
    void aStudyFromOwnCodeNeverShowsItsProtectedEvaluationToTheImplementer() throws Exception {
        Path template = java.nio.file.Files.createDirectories(temp.resolve("template"));
        new dev.groundwork.model.study.TemplateCatalog(getClass().getClassLoader()).copy("minimal", template);
        CliRunner cli = new CliRunner(temp.resolve("home"), Map.of("OPENAI_API_KEY", "local-key"));
        Path study = temp.resolve("study");
        CliRunner.Outcome made = cli.run("new", study.toString(), "--from", template.resolve("baseline").toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.err()).contains("Protected: evaluate.py");

        CliRunner.Outcome outcome = cli.run("run", study.toString(), "--ideator", "openai:gpt-4o-mini", "--implementer",
                "openai:gpt-4o-mini", "--base-url", server.url("/v1").toString(), "--epochs", "1", "--ideas-per-epoch", "2",
                "--auto-approve");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();

        assertThat(implementerRequests).hasSize(2).allSatisfy(body -> assertThat(body)
                .contains("LEARNING_RATE = 0.05")
                .doesNotContain("_rng = random.Random(1234)")
                .doesNotContain("Mean squared error of `predict(x)` on the held-out points"));
    }

    private String ideate(String prompt) {
        ideatorCalls.incrementAndGet();
        return """
                [Title] Raise the learning rate to 0.08
                [Experiment] Plain gradient descent at 0.05 has not converged after 60 steps; 0.08 is still stable for
                inputs in [-2, 2] and should reach a lower validation error in the same number of steps.
                [Code Changes] train.py: set LEARNING_RATE = 0.08.
                [End]

                [Title] Train for 120 steps
                [Experiment] The loss is still falling at step 60, so doubling the number of steps should lower the
                validation error without any other change.
                [Code Changes] train.py: set STEPS = 120.
                [End]
                """;
    }

    private String implement(String prompt) {
        if (crashFirst && prompt.contains("0.08") && !prompt.contains("Traceback")) {
            return """
                    ```diff
                    --- a/train.py
                    +++ b/train.py
                    @@ -9,1 +9,1 @@
                    -LEARNING_RATE = 0.05
                    +LEARNING_RATE = learning_rat * 0.08
                    ```""";
        }
        return DIFFS.entrySet().stream().filter(entry -> prompt.contains(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("I cannot implement this.");
    }

    private static String completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-9x").put("object", "chat.completion").put("created", 1764150000).put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        body.putObject("usage").put("prompt_tokens", 1800).put("completion_tokens", 420).put("total_tokens", 2220);
        body.put("system_fingerprint", "fp_0ba0d124f1");
        return body.toString();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String lastMessage(RecordedRequest request) {
        try {
            JsonNode messages = JSON.readTree(request.getBody().utf8()).get("messages");
            return messages.get(messages.size() - 1).get("content").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void inspect(CliRunner cli, Path study, StudyCheck check) throws Exception {
        StudyCheck.inspect(temp, cli, study, check);
    }
}
