package dev.groundwork.model.review;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.model.patch.ReviewDecision;
import dev.groundwork.model.patch.engine.DiffRenderer;
import dev.groundwork.model.patch.git.CommitReader;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.patch.ApplyReports;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patch gate as the Review page sees it: patches waiting for a person, each file of a patch before and after, and
 * the decision. Reads go to the database and the baseline repository: call it off the UI thread.
 */
public final class PatchReview {

    /**
     * A patch waiting for review, with what a queue row shows and its idea's text, the "why" the code is judged by.
     */
    public record Item(long patchId, long ideaId, String ideaTitle, String ideaText, int epoch, int attempt,
                       String author) {
        static Item of(Patch patch, Idea idea) {
            return new Item(patch.id(), idea.id(), idea.title(), idea.text(), idea.epoch(), patch.attempt(), patch.author());
        }
    }

    /** A patch that no longer waits: approved, rejected, superseded, or turned down by the engine or pre-flight. */
    public record Decided(Item item, PatchOutcome outcome) {}

    /**
     * One attempt at an idea: an implementer's try, a reviewer's edit ({@code llm+human}), a regeneration.
     *
     * @param applied whether it applied, i.e. has files to show and compare
     */
    public record Attempt(long patchId, int number, String author, PatchOutcome outcome, boolean applied) {}

    /** One changed file: its text at the patch's base and at the patch's commit (empty when created or deleted). */
    public record FileChange(String path, String before, String after) {}

    private final StudyFolder study;
    private final Clock clock;
    private final HumanPatches edits;
    private final PatchHistory history;
    private final AttemptFiles attemptFiles;

    /** @param edits takes a reviewer's edit through the patch engine and pre-flight */
    public PatchReview(StudyFolder study, Clock clock, HumanPatches edits) {
        this.study = study;
        this.clock = clock;
        this.edits = edits;
        this.history = new PatchHistory(study);
        this.attemptFiles = new AttemptFiles(study);
    }

    /** Patches that passed pre-flight and wait at the gate, oldest first. */
    public List<Item> waiting() {
        List<Item> items = new ArrayList<>();
        for (Patch patch : study.store().patches().withStatus(PatchStatus.PREFLIGHT_OK)) {
            items.add(Item.of(patch, study.store().ideas().get(patch.ideaId())));
        }
        items.sort(Comparator.comparingLong(Item::patchId));
        return items;
    }

    /** The history: patches decided by a person or the loop, or turned down by the engine or pre-flight, newest first. */
    public List<Decided> decided() {
        return history.decided();
    }

    /** Every attempt at an idea, attempt 1 first. */
    public List<Attempt> attempts(long ideaId) {
        return history.attempts(ideaId);
    }

    /**
     * Attempt against attempt: each patch applied to its base by the patch engine, then every file either changes,
     * with {@code before} as {@code firstPatchId} leaves it and {@code after} as {@code secondPatchId} does, in path order.
     *
     * @throws IOException when either attempt does not apply (the message says which, and why)
     */
    public List<FileChange> filesBetween(long firstPatchId, long secondPatchId) throws IOException {
        return attemptFiles.between(firstPatchId, secondPatchId);
    }

    /** The files a patch creates or modifies, before and after, in path order (deleted files are not listed). */
    public List<FileChange> files(long patchId) throws IOException {
        Patch patch = study.store().patches().get(patchId);
        if (patch.commit() == null) {
            throw new IOException("Patch " + patchId + " did not apply, so it has no files to show.");
        }
        CommitReader reader = new CommitReader(study.baseline().dir());
        String base = patch.baseCommit() != null ? patch.baseCommit() : study.baseline().mainCommit();
        List<String> paths = ApplyReports.changedFiles(patch.applyReport());
        Map<String, String> before = reader.textFiles(base, paths::contains);
        Map<String, String> after = reader.textFiles(patch.commit(), paths::contains);
        return paths.stream().sorted()
                .map(path -> new FileChange(path, before.getOrDefault(path, ""), after.getOrDefault(path, "")))
                .toList();
    }

    public Optional<Patch> patch(long patchId) {
        return study.store().patches().find(patchId);
    }

    public Patch approve(long patchId, String reviewer, String comment) {
        return study.store().patches().decide(patchId, PatchStatus.APPROVED, new ReviewDecision(reviewer, clock.instant(), comment));
    }

    /**
     * The reviewer edited {@code path} of a waiting patch: the patch is superseded by a new attempt whose diff is
     * re-derived from the edited file against the same base, stored as the reviewer's co-authorship ({@code llm+human}
     * for an LLM's patch), then applied and pre-flighted like any patch. The original stays in the idea's history.
     *
     * @return a sentence on where the new patch stands
     */
    public String submitEdit(long patchId, String path, String editedText, String reviewer) throws IOException {
        Patch patch = study.store().patches().get(patchId);
        Map<String, String> before = new HashMap<>();
        Map<String, String> after = new HashMap<>();
        for (FileChange file : files(patchId)) {
            before.put(file.path(), file.before());
            after.put(file.path(), file.after());
        }
        if (!after.containsKey(path)) {
            throw new IOException(path + " is not a file of patch " + patchId);
        }
        if (after.get(path).equals(editedText)) {
            return "Nothing changed in " + path + ".";
        }
        after.put(path, editedText);
        before.entrySet().removeIf(entry -> entry.getValue().isEmpty()); // created files have no before
        String diff = DiffRenderer.render(before, after);
        study.store().patches().decide(patchId, PatchStatus.SUPERSEDED,
                new ReviewDecision(reviewer, clock.instant(), "edited in review"));
        Idea idea = study.store().ideas().get(patch.ideaId());
        return edits.submit(idea, diff, coAuthor(patch.author()), patch.baseCommit(), patch.parentPatchId());
    }

    /** {@code llm:<model>} becomes {@code llm+human}; a human's own patch stays {@code human}. */
    static String coAuthor(String author) {
        if (author.equals(HumanPatches.AUTHOR) || author.endsWith("+human")) {
            return author;
        }
        return (author.startsWith("llm") ? "llm" : author) + "+human";
    }

    /**
     * Why the window should not send a patch back for another attempt: the spec's implementer is the offline catalog,
     * which writes one patch per idea and cannot revise it, so the window's loop would leave the idea with no patch. (A
     * CLI `run --implementer …` may still regenerate it, so {@link #regenerate} itself does not refuse.)
     */
    public Optional<String> regenerateRefusal() {
        return study.spec().agents().implementer().kind() == AgentRef.Kind.CATALOG
                ? Optional.of("The offline catalog (agents.implementer) cannot write another attempt: edit the patch here"
                        + " (e, then Ctrl+S), or set an LLM implementer in agents.implementer to regenerate with a comment.")
                : Optional.empty();
    }

    /**
     * Sends a waiting patch back with the reviewer's comment: the patch is rejected with the comment, and its idea goes
     * back to implementation, where the next pass of the loop asks the implementer for a new attempt with the comment.
     */
    public Patch regenerate(long patchId, String reviewer, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("Say what the new attempt should do differently: regenerating needs a comment.");
        }
        Patch rejected = study.store().patches().decide(patchId, PatchStatus.REJECTED,
                new ReviewDecision(reviewer, clock.instant(), comment.strip()));
        study.store().ideas().moveTo(rejected.ideaId(), IdeaStatus.IMPLEMENTING);
        return rejected;
    }

    public Patch reject(long patchId, String reviewer, String reason) {
        return study.store().patches().decide(patchId, PatchStatus.REJECTED, new ReviewDecision(reviewer, clock.instant(), reason));
    }
}
