package dev.groundwork.app.loop;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.dispatch.StudyScheduler;
import dev.groundwork.model.search.LoopOptions;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.search.SearchLoop;
import dev.groundwork.model.spec.SearchSpec;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the research loop: baseline, then per epoch propose → implement → pre-flight → run → score.",
            "Resumable: run it again after a stop, a crash or a review and it continues where it stopped."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--epochs", paramLabel = "N", description = "Run until N epochs are complete (default: search.epochs).")
    Integer epochs;

    @Option(names = "--ideas-per-epoch", paramLabel = "N", description = "Ideas per epoch (default: search.ideas_per_epoch).")
    Integer ideasPerEpoch;

    @Option(names = "--concurrency", paramLabel = "N", description = "Runs at once (default: search.concurrency).")
    Integer concurrency;

    @Option(names = "--auto-approve", description = "Pass every gate automatically (ideas, patches, launches).")
    boolean autoApprove;

    @Option(names = "--mode", paramLabel = "evolve|best-of-n",
            description = "evolve feeds results back; best-of-n spends the same budget without feedback (default: search.mode).")
    String mode;

    @Option(names = "--target", paramLabel = "local|docker",
            description = "Where runs execute, instead of the spec's run.target.")
    String target;

    @Option(names = "--host", paramLabel = "NAME",
            description = "A Docker host to run on (repeatable; default: every Docker host of the settings).")
    List<String> hostNames = new ArrayList<>();

    @Option(names = "--ideator", paramLabel = "AGENT",
            description = "catalog, openai:MODEL or anthropic:MODEL (default: agents.ideator).")
    String ideator;

    @Option(names = "--implementer", paramLabel = "AGENT",
            description = "catalog, openai:MODEL or anthropic:MODEL (default: agents.implementer).")
    String implementer;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The LLM server, e.g. http://127.0.0.1:11434/v1 for Ollama (default: the provider's).")
    String baseUrl;

    private final StudyLibrary studies;
    private final LoopAssembly assembly;
    private final CliPrinter printer;

    public RunCommand(StudyLibrary studies, LoopAssembly assembly, CliPrinter printer) {
        this.studies = studies;
        this.assembly = assembly;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        StudyFolder study = studies.open(dir);
        CountDownLatch finished = new CountDownLatch(1);
        StudyScheduler scheduler = null;
        Thread onCtrlC = null;
        try {
            if (study.readOnly()) {
                throw new UserError(ExitCodes.FAILURE, "Cannot run the loop: " + study.readOnlyReason().orElseThrow() + ".");
            }
            LoopOptions options = options(study.spec().search());
            ProgressPrinter progress = new ProgressPrinter(printer);
            try {
                scheduler = assembly.scheduler(study, options.concurrency(), hosts(), progress::note);
            } catch (Refusal refusal) {
                throw new UserError(ExitCodes.USAGE, refusal.getMessage() + " (`groundwork hosts list` shows the hosts;"
                        + " `groundwork hosts add NAME unix:///var/run/docker.sock` adds one.)");
            }
            SearchLoop loop = assembly.loop(study, scheduler, progress, agents());
            onCtrlC = new Thread(() -> {
                progress.interrupting();
                loop.requestStop();
                awaitQuietly(finished);
            }, "groundwork-stop");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            LoopOutcome outcome;
            try {
                outcome = loop.run(options);
            } finally {
                progress.finish();
            }
            printer.result(new RunSummary(study).table());
            printer.note(outcome.message() + cliHint(outcome, study.dir()));
            return switch (outcome.kind()) {
                case COMPLETED, WAITING_FOR_REVIEW, BUDGET_SPENT, PAUSED -> ExitCodes.OK;
                case STOPPED -> 130;
                case BLOCKED -> ExitCodes.FAILURE;
            };
        } finally {
            // On Ctrl-C the JVM exits as soon as the hook returns: close the study and print everything first.
            if (scheduler != null) {
                scheduler.close();
            }
            study.close();
            finished.countDown();
            if (onCtrlC != null) {
                removeHook(onCtrlC);
            }
        }
    }

    /** How to act on what waits, in this terminal's words (the model's sentence names no front end). */
    static String cliHint(LoopOutcome outcome, Path dir) {
        LoopOutcome.Waiting waiting = outcome.waiting();
        if (waiting.launches() > 0) {
            return " Start them with `groundwork run " + dir + " --auto-approve`, or set gates.launch: auto.";
        }
        if (waiting.ideas() + waiting.patches() > 0) {
            return " Review them in the window (`groundwork gui " + dir + "`) or approve them all with `groundwork approve "
                    + dir + " --all`.";
        }
        return "";
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running; nothing to remove
        }
    }

    private HostSelection hosts() {
        Optional<RunSpec.Target> chosen = Optional.empty();
        if (target != null) {
            chosen = Optional.of(switch (target.toLowerCase(java.util.Locale.ROOT)) {
                case "local" -> RunSpec.Target.LOCAL;
                case "docker" -> RunSpec.Target.DOCKER;
                default -> throw new UserError(ExitCodes.USAGE, "--target must be local or docker, not '" + target + "'.");
            });
        }
        if (!hostNames.isEmpty() && chosen.isEmpty()) {
            chosen = Optional.of(RunSpec.Target.DOCKER); // naming a Docker host asks for the Docker target
        }
        return new HostSelection(chosen, hostNames);
    }

    private AgentChoice agents() {
        return new AgentChoice(agent("--ideator", ideator), agent("--implementer", implementer),
                Optional.ofNullable(baseUrl).map(RunCommand::url));
    }

    static Optional<AgentRef> agent(String option, String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(AgentRef.parse(text).orElseThrow(() -> new UserError(ExitCodes.USAGE, option + " '" + text
                + "' is not an agent; write catalog, openai:MODEL or anthropic:MODEL.")));
    }

    static URI url(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // the sentence below says what is wanted
        }
        throw new UserError(ExitCodes.USAGE, "--base-url '" + text + "' is not an http(s) URL; write e.g."
                + " http://127.0.0.1:8000/v1.");
    }

    private LoopOptions options(SearchSpec search) {
        SearchSpec.Mode chosen = search.mode();
        if (mode != null) {
            chosen = switch (mode.toLowerCase(java.util.Locale.ROOT)) {
                case "evolve" -> SearchSpec.Mode.EVOLVE;
                case "best-of-n" -> SearchSpec.Mode.BEST_OF_N;
                default -> throw new UserError(ExitCodes.USAGE, "--mode must be evolve or best-of-n, not '" + mode + "'.");
            };
        }
        int e = epochs != null ? epochs : search.epochs();
        int n = ideasPerEpoch != null ? ideasPerEpoch : search.ideasPerEpoch();
        int c = concurrency != null ? concurrency : search.concurrency();
        if (e < 1 || n < 1 || c < 1) {
            throw new UserError(ExitCodes.USAGE, "--epochs, --ideas-per-epoch and --concurrency must each be at least 1.");
        }
        return new LoopOptions(e, n, c, autoApprove, chosen);
    }
}
