package dev.groundwork.app.loop;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.common.IllegalTransitionException;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.patch.ReviewDecision;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import java.nio.file.Path;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `groundwork approve` and `groundwork reject`: the manual gates from a terminal. */
public final class ReviewCommands {

    private ReviewCommands() {}

    /** Which items a decision is about. */
    static final class Target {
        @Option(names = "--idea", paramLabel = "ID", description = "A proposed idea.")
        Long idea;

        @Option(names = "--patch", paramLabel = "ID", description = "A patch waiting for review.")
        Long patch;

        @Option(names = "--all", description = "Every proposed idea and every patch waiting for review.")
        boolean all;
    }

    abstract static class Decide implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        private final StudyLibrary studies;
        private final CliPrinter printer;
        private final Clock clock;

        Decide(StudyLibrary studies, CliPrinter printer, Clock clock) {
            this.studies = studies;
            this.printer = printer;
            this.clock = clock;
        }

        abstract boolean approve();

        abstract String comment();

        @Override
        public Integer call() throws Exception {
            try (StudyFolder study = studies.open(dir)) {
                if (study.readOnly()) {
                    throw new UserError(ExitCodes.FAILURE, "Cannot decide: " + study.readOnlyReason().orElseThrow() + ".");
                }
                int decided = 0;
                try {
                    if (target.idea != null) {
                        decided += decideIdea(study, study.store().ideas().get(target.idea));
                    } else if (target.patch != null) {
                        decided += decidePatch(study, study.store().patches().get(target.patch));
                    } else {
                        for (Idea idea : study.store().ideas().withStatus(IdeaStatus.PROPOSED)) {
                            decided += decideIdea(study, idea);
                        }
                        for (Patch patch : study.store().patches().withStatus(PatchStatus.PREFLIGHT_OK)) {
                            decided += decidePatch(study, patch);
                        }
                    }
                } catch (IllegalTransitionException | NoSuchElementException e) {
                    throw new UserError(ExitCodes.USAGE, e.getMessage());
                }
                printer.result((approve() ? "Approved " : "Rejected ") + decided + " item" + (decided == 1 ? "" : "s")
                        + ". `groundwork run " + study.dir() + "` continues the loop.");
            }
            return ExitCodes.OK;
        }

        private int decideIdea(StudyFolder study, Idea idea) {
            study.store().ideas().moveTo(idea.id(), approve() ? IdeaStatus.APPROVED : IdeaStatus.REJECTED);
            printer.note((approve() ? "approved" : "rejected") + " idea " + idea.id() + " \"" + idea.title() + "\"");
            return 1;
        }

        private int decidePatch(StudyFolder study, Patch patch) {
            study.store().patches().decide(patch.id(), approve() ? PatchStatus.APPROVED : PatchStatus.REJECTED,
                    new ReviewDecision(System.getProperty("user.name", "human"), clock.instant(), comment()));
            printer.note((approve() ? "approved" : "rejected") + " patch " + patch.id() + " (idea " + patch.ideaId()
                    + ", attempt " + patch.attempt() + ")");
            return 1;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve ideas or patches held at a manual gate.")
    public static final class Approve extends Decide {
        @Option(names = "--comment", paramLabel = "TEXT", description = "Recorded with a patch decision.")
        String comment = "";

        public Approve(StudyLibrary studies, CliPrinter printer, Clock clock) {
            super(studies, printer, clock);
        }

        @Override
        boolean approve() {
            return true;
        }

        @Override
        String comment() {
            return comment;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject ideas or patches held at a manual gate.")
    public static final class Reject extends Decide {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded with a patch decision).")
        String reason = "";

        public Reject(StudyLibrary studies, CliPrinter printer, Clock clock) {
            super(studies, printer, clock);
        }

        @Override
        boolean approve() {
            return false;
        }

        @Override
        String comment() {
            return reason;
        }
    }
}
