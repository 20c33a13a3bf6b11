package dev.groundwork.app.loop;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.promotion.Promotion;
import dev.groundwork.model.search.BaselinePromotion;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Make an idea's code the baseline: a new commit on baseline/'s main; the loop then runs it for the"
                + " new reference reward.")
public final class PromoteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The study's folder.")
    Path dir;

    @Option(names = "--idea", paramLabel = "ID", required = true, description = "The idea whose best run's code to promote.")
    long idea;

    private final StudyLibrary studies;
    private final CliPrinter printer;

    public PromoteCommand(StudyLibrary studies, CliPrinter printer) {
        this.studies = studies;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        try (StudyFolder study = studies.open(dir)) {
            Promotion promotion = new BaselinePromotion(study).promote(idea);
            Idea promoted = study.store().ideas().get(idea);
            printer.result(String.format(Locale.ROOT, "Idea %d \"%s\" is the baseline now: main %s → %s (reward %.4g%s).",
                    promotion.ideaId(), promoted.title(), promotion.fromCommit().substring(0, 10),
                    promotion.toCommit().substring(0, 10), promotion.ideaReward(), promotion.previousReward() == null
                            ? "" : String.format(Locale.ROOT, "; the baseline before: %.4g", promotion.previousReward())));
            printer.note("The next `groundwork run` runs the new baseline first for its reward, then writes and compares"
                    + " ideas against it; the old baseline stays in main's history.");
        }
        return ExitCodes.OK;
    }
}
