package dev.groundwork.app.loop;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.common.IllegalTransitionException;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.search.HumanPatches;
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

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why; recorded with each decision.")
        String comment = "";

        private final StudyLibrary studies;
        private final LoopAssembly assembly;
        private final CliPrinter printer;
        private final Clock clock;

        Decide(StudyLibrary studies, LoopAssembly assembly, CliPrinter printer, Clock clock) {
            this.studies = studies;
            this.assembly = assembly;
            this.printer = printer;
            this.clock = clock;
        }

        abstract boolean approve();

        String comment() {
            return comment;
        }

        @Override
        public Integer call() throws Exception {
            try (StudyFolder study = studies.open(dir)) {
                if (study.readOnly()) {
                    throw new UserError(ExitCodes.FAILURE, "Cannot decide: " + study.readOnlyReason().orElseThrow() + ".");
                }
                HumanPatches edits = assembly.humanPatches(study);
                PatchReview review = new PatchReview(study, clock, edits);
                IdeaInbox inbox = new IdeaInbox(study, edits);
                int decided = 0;
                try {
                    if (target.idea != null) {
                        decided += decideIdea(inbox, study.store().ideas().get(target.idea), false);
                    } else if (target.patch != null) {
                        decided += decidePatch(review, study.store().patches().get(target.patch));
                    } else {
                        for (Idea idea : study.store().ideas().withStatus(IdeaStatus.PROPOSED)) {
                            decided += decideIdea(inbox, idea, true);
                        }
                        for (Patch patch : study.store().patches().withStatus(PatchStatus.PREFLIGHT_OK)) {
                            decided += decidePatch(review, patch);
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

        /** An idea at the gate is approved or rejected; rejecting one past the gate withdraws it, if it has not run. */
        private int decideIdea(IdeaInbox inbox, Idea idea, boolean atGate) {
            boolean withdrawn = !approve() && idea.status() != IdeaStatus.PROPOSED;
            if (approve()) {
                inbox.approve(idea.id());
            } else {
                inbox.withdraw(idea.id(), reviewer(), comment());
            }
            printer.note((approve() ? "approved" : withdrawn && !atGate ? "withdrew" : "rejected") + " idea " + idea.id()
                    + " \"" + idea.title() + "\"");
            return 1;
        }

        private static String reviewer() {
            return System.getProperty("user.name", "human");
        }

        private int decidePatch(PatchReview review, Patch patch) {
            if (approve()) {
                review.approve(patch.id(), reviewer(), comment());
            } else {
                review.reject(patch.id(), reviewer(), comment());
            }
            printer.note((approve() ? "approved" : "rejected") + " patch " + patch.id() + " (idea " + patch.ideaId()
                    + ", attempt " + patch.attempt() + ")");
            return 1;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve ideas or patches held at a manual gate.")
    public static final class Approve extends Decide {
        public Approve(StudyLibrary studies, LoopAssembly assembly, CliPrinter printer, Clock clock) {
            super(studies, assembly, printer, clock);
        }

        @Override
        boolean approve() {
            return true;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = {
        "Reject ideas or patches held at a manual gate; --idea also withdraws an approved or seeded idea that has not run."})
    public static final class Reject extends Decide {
        /** The word this command used before it shared --comment with approve; kept so that scripts keep working. */
        @Option(names = "--reason", hidden = true)
        String reason;

        public Reject(StudyLibrary studies, LoopAssembly assembly, CliPrinter printer, Clock clock) {
            super(studies, assembly, printer, clock);
        }

        @Override
        boolean approve() {
            return false;
        }

        @Override
        String comment() {
            return reason != null ? reason : super.comment();
        }
    }
}
