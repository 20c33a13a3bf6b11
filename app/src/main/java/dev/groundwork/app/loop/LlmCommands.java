package dev.groundwork.app.loop;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.runners.llm.LlmCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `groundwork llm test` (is a provider reachable with this key and model?) and `groundwork llm log` (the audit trail). */
@Command(name = "llm", mixinStandardHelpOptions = true, description = "LLM providers: check one, or read a study's calls.")
public final class LlmCommands implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError(ExitCodes.USAGE, "Name what to do: groundwork llm test PROVIDER:MODEL, or groundwork llm log DIR.");
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Make one tiny call to check the provider, key and model (keys from the environment or settings).")
    public static final class Test implements Callable<Integer> {

        @Parameters(paramLabel = "PROVIDER:MODEL", description = "e.g. openai:gpt-4o-mini or anthropic:claude-sonnet-4-5.")
        String agent;

        @Option(names = "--base-url", paramLabel = "URL", description = "An OpenAI-compatible server, e.g. Ollama's.")
        String baseUrl;

        private final LoopAssembly assembly;
        private final CliPrinter printer;

        public Test(LoopAssembly assembly, CliPrinter printer) {
            this.assembly = assembly;
            this.printer = printer;
        }

        @Override
        public Integer call() {
            AgentRef ref = RunCommand.agent("PROVIDER:MODEL", agent).orElseThrow();
            if (ref.kind() == AgentRef.Kind.CATALOG) {
                throw new UserError(ExitCodes.USAGE, "The offline catalog needs no check; name openai:MODEL or anthropic:MODEL.");
            }
            AgentChoice choice = new AgentChoice(Optional.empty(), Optional.empty(),
                    Optional.ofNullable(baseUrl).map(RunCommand::url));
            LlmCheck.Result result = assembly.llm().check().run(assembly.llmSettings(ref, null, choice));
            if (!result.ok()) {
                throw new UserError(ExitCodes.FAILURE, result.sentence());
            }
            printer.result(result.sentence());
            return ExitCodes.OK;
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true,
            description = "Print a study's LLM calls: role, model, tokens, cost, latency, and with --full the prompts and answers.")
    public static final class Log implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--idea", paramLabel = "ID", description = "Only the calls for this idea.")
        Long idea;

        @Option(names = "--full", description = "Also print each prompt and answer.")
        boolean full;

        private final StudyLibrary studies;
        private final CliPrinter printer;

        public Log(StudyLibrary studies, CliPrinter printer) {
            this.studies = studies;
            this.printer = printer;
        }

        @Override
        public Integer call() throws Exception {
            try (StudyFolder study = studies.open(dir)) {
                List<LlmCall> calls = idea == null ? study.store().llmCalls().all() : study.store().llmCalls().forIdea(idea);
                printer.result(String.format(Locale.ROOT, "%-5s %-11s %-28s %-6s %8s %8s %9s %8s  %s", "call", "role",
                        "model", "idea", "tok in", "tok out", "cost $", "ms", "outcome"));
                double total = 0;
                for (LlmCall call : calls) {
                    total += call.costUsd();
                    printer.result(String.format(Locale.ROOT, "%-5d %-11s %-28s %-6s %8d %8d %9.4f %8d  %s", call.id(),
                            call.role().wireName(), call.provider() + ":" + call.model(),
                            call.ideaId() == null ? "—" : call.ideaId().toString(), call.tokensIn(), call.tokensOut(),
                            call.costUsd(), call.latencyMs(), call.error() == null ? "ok" : call.error()));
                    if (full) {
                        printer.result("--- prompt\n" + call.prompt() + "\n--- answer\n" + call.response() + "\n");
                    }
                }
                printer.result(String.format(Locale.ROOT, "%d call%s, $%.4f", calls.size(), calls.size() == 1 ? "" : "s", total));
            }
            return ExitCodes.OK;
        }
    }
}
