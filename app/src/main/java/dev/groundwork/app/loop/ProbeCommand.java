package dev.groundwork.app.loop;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.common.Folders;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.intake.MetricSniffer;
import dev.groundwork.model.probe.BaselineProbe;
import dev.groundwork.model.spec.Durations;
import dev.groundwork.model.spec.MetricsSpec;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.runners.local.LocalProcessTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Run the baseline once, briefly, and show the metric lines it prints, proposing the spec's metrics"
                + " and reward.")
public final class ProbeCommand implements Callable<Integer> {

    /** Metric lines shown as they come; the rest are counted. */
    private static final int SHOWN = 20;

    @Parameters(paramLabel = "DIR", description = "The study's folder.")
    Path dir;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m",
            description = "How long the baseline may run (default: ${DEFAULT-VALUE}; the spec's run.timeout when shorter).")
    String timeout;

    private final StudyLibrary studies;
    private final CliPrinter printer;

    public ProbeCommand(StudyLibrary studies, CliPrinter printer) {
        this.studies = studies;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        return probe(dir, timeout);
    }

    /**
     * Runs the baseline of the study in {@code study} for at most {@code timeout} and reports what it printed; also
     * what {@code new --from … --probe} does right after making a study.
     */
    public int probe(Path study, String timeout) throws Exception {
        this.timeout = timeout;
        Optional<Duration> limit = Durations.parse(timeout).filter(d -> !d.isZero());
        if (limit.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "--timeout '" + timeout + "' is not a duration; write e.g. 90s, 2m or"
                    + " 1h.");
        }
        try (StudyFolder opened = studies.open(study)) {
            return probe(opened, limit.get());
        }
    }

    private int probe(StudyFolder study, Duration limit) throws Exception {
        printer.note("Running the baseline of '" + study.name() + "' for up to " + timeout + ": "
                + String.join(" ", study.spec().run().command()));
        Path scratch = Files.createTempDirectory("groundwork-probe");
        AtomicInteger shown = new AtomicInteger();
        BaselineProbe.Result result;
        try {
            result = new BaselineProbe(LocalProcessTarget.cpu("local", 1)).probe(study, limit, scratch, seen -> {
                if (shown.incrementAndGet() <= SHOWN) {
                    printer.note("  " + seen.line() + "   (" + seen.kind().words() + ": " + String.join(", ",
                            seen.metrics()) + ")");
                }
            });
        } catch (RunStartException e) {
            throw new UserError(ExitCodes.USAGE, "The baseline could not start: " + e.getMessage() + ".", e);
        } finally {
            Folders.deleteTree(scratch);
        }
        return report(study, result);
    }

    private static String lines(int count) {
        return count == 1 ? "1 metric line" : count + " metric lines";
    }

    private int report(StudyFolder study, BaselineProbe.Result result) {
        String ended = result.stoppedAtLimit() ? "was stopped after " + timeout + " as asked"
                : String.format(Locale.ROOT, "ended after %.1f s with exit %s", result.exit().seconds(),
                        result.exit().exitCode());
        if (result.failed()) {
            result.exit().tail().forEach(line -> printer.note("  | " + line));
            throw new UserError(ExitCodes.FAILURE, "The baseline failed (" + ended + ", " + result.exit().failure()
                    .wireName() + ") after " + lines(result.seen().size()) + "; its last lines are above. Fix the"
                    + " code in baseline/, commit it on main, and probe again.");
        }
        if (result.proposal().isEmpty()) {
            throw new UserError(ExitCodes.FAILURE, "The baseline " + ended + " and printed no metric line Groundwork can"
                    + " read; make it print JSON lines such as {\"step\": 100, \"val_loss\": 2.31}, or key=value pairs"
                    + " with a step (step=100 val_loss=2.31), then probe again.");
        }
        MetricSniffer.Proposal proposal = result.proposal().get();
        printer.result("Saw " + lines(result.seen().size()) + " (" + String.join(", ", proposal.metrics()) + "); the"
                + " baseline " + ended + ".");
        printer.result("Proposed for groundwork.yaml:");
        printer.result("  metrics: { parser: " + proposal.format().parser() + (proposal.format().regex() == null ? ""
                : ", regex: '" + proposal.format().regex().replace("'", "''") + "'") + " }");
        printer.result("  reward: { metric: " + proposal.reward() + ", goal: " + proposal.goal() + " }");
        MetricsSpec metrics = study.spec().metrics();
        RewardSpec reward = study.spec().reward();
        boolean sameFormat = metrics.parser().name().equalsIgnoreCase(proposal.format().parser())
                && (proposal.format().regex() == null || metrics.regex().map(r -> r.source().equals(proposal.format()
                .regex())).orElse(false));
        boolean readable = proposal.metrics().contains(reward.metric());
        if (sameFormat && reward.metric().equals(proposal.reward())) {
            printer.note("groundwork.yaml already says so.");
        } else if (sameFormat && readable) {
            printer.note("groundwork.yaml reads these lines and rewards " + reward.metric() + ", which the baseline"
                    + " prints; keep it, or reward " + proposal.reward() + " as proposed.");
        } else {
            printer.note("groundwork.yaml says metrics " + metrics.parser().name().toLowerCase(Locale.ROOT) + ", reward "
                    + reward.metric() + ", which would not read what the baseline prints; write the lines above into it.");
        }
        return ExitCodes.OK;
    }
}
