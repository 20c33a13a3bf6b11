package dev.groundwork.model.search;

import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.promotion.Promotion;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.store.MetaRepository;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Makes an idea's code the baseline: a new commit on {@code main} with the tree of the idea's best run's patch and the
 * old baseline as its parent (so history keeps it), checked out in {@code baseline/}, and a promotion recorded so that
 * the loop runs the new baseline for its reward before comparing anything with it. Later ideas are written against it,
 * since implementers start from {@code main}.
 */
public final class BaselinePromotion {

    private static final PersonIdent GROUNDWORK = new PersonIdent("Groundwork", "groundwork@localhost");

    private final StudyFolder study;

    public BaselinePromotion(StudyFolder study) {
        this.study = study;
    }

    /** @throws Refusal an idea that cannot be promoted, or a moment that does not allow it, with the sentence why */
    public Promotion promote(long ideaId) throws IOException {
        study.readOnlyReason().ifPresent(reason -> {
            throw new Refusal(Refusal.Kind.NOT_NOW, "The study is read-only here (" + reason + "); promote from where it"
                    + " is open.");
        });
        Idea idea = study.store().ideas().find(ideaId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_ALLOWED,
                "There is no idea " + ideaId + " in this study."));
        Run best = bestRun(idea).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_ALLOWED, "Idea " + ideaId
                + " has no successful run with a reward yet; only code that ran and was scored can become the"
                + " baseline."));
        Patch patch = study.store().patches().get(best.patchId());
        boolean active = !study.store().runs().withStatus(RunStatus.QUEUED).isEmpty()
                || !study.store().runs().withStatus(RunStatus.STARTING).isEmpty()
                || !study.store().runs().withStatus(RunStatus.RUNNING).isEmpty();
        if (active) {
            throw new Refusal(Refusal.Kind.NOT_NOW, "Runs are queued or running; they would be compared with the wrong"
                    + " baseline, so wait until they finish or stop the loop, then promote.");
        }
        Double previous = study.store().runs().baselineReward().orElse(null);
        String from = study.baseline().mainCommit();
        String to = commit(idea, patch, best, from, previous);
        try {
            return study.store().promotions().add(ideaId, patch.id(), from, to, previous, best.reward(), epoch());
        } catch (RuntimeException e) {
            moveMain(from); // the database refused: main goes back to what the study's records say
            throw e instanceof IllegalStateException ? new Refusal(Refusal.Kind.NOT_NOW, "Runs started meanwhile; wait"
                    + " until they finish or stop the loop, then promote.") : e;
        }
    }

    private Optional<Run> bestRun(Idea idea) {
        boolean maximize = study.spec().reward().goal() == RewardSpec.Goal.MAXIMIZE;
        Comparator<Run> byReward = Comparator.comparingDouble(Run::reward);
        List<Run> counting = study.store().patches().forIdea(idea.id()).stream()
                .flatMap(patch -> study.store().runs().forPatch(patch.id()).stream())
                .filter(run -> run.rewardCounts() && run.reward() != null && run.status() == RunStatus.SUCCEEDED)
                .toList();
        return maximize ? counting.stream().max(byReward) : counting.stream().min(byReward);
    }

    /** A commit on main with the patch's tree; the working tree follows unless it holds changes of its own. */
    private String commit(Idea idea, Patch patch, Run run, String from, Double previous) throws IOException {
        if (patch.commit() == null) {
            throw new Refusal(Refusal.Kind.NOT_ALLOWED, "Idea " + idea.id() + "'s patch has no commit to promote.");
        }
        try (Git git = Git.open(study.baseline().dir().toFile())) {
            if (!git.status().call().isClean()) {
                throw new Refusal(Refusal.Kind.NOT_NOW, "baseline/ holds changes that are not committed; commit them on"
                        + " main or discard them, then promote.");
            }
            Repository repository = git.getRepository();
            if (!("refs/heads/" + dev.groundwork.model.study.BaselineRepository.MAIN).equals(repository.getFullBranch())) {
                throw new Refusal(Refusal.Kind.NOT_NOW, "baseline/ has " + repository.getBranch() + " checked out, not"
                        + " main; check main out there, then promote.");
            }
            try (RevWalk walk = new RevWalk(repository); ObjectInserter inserter = repository.newObjectInserter()) {
                RevCommit code = walk.parseCommit(repository.resolve(patch.commit() + "^{commit}"));
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(code.getTree());
                commit.setParentIds(ObjectId.fromString(from), code);
                commit.setAuthor(GROUNDWORK);
                commit.setCommitter(GROUNDWORK);
                commit.setMessage("Promote idea " + idea.id() + " (" + idea.title() + ") to the baseline\n\n"
                        + "Its run " + run.id() + " scored " + run.reward() + (previous == null ? ""
                        : "; the baseline before scored " + previous) + ".\nGroundwork-Promoted-Idea: " + idea.id()
                        + "\nGroundwork-Promoted-Patch: " + patch.id() + "\n");
                ObjectId id = inserter.insert(commit);
                inserter.flush();
                moveMain(git, id.name());
                return id.name();
            }
        } catch (GitAPIException e) {
            throw new IOException("Moving baseline/'s main failed: " + e.getMessage(), e);
        }
    }

    private void moveMain(String commit) throws IOException {
        try (Git git = Git.open(study.baseline().dir().toFile())) {
            moveMain(git, commit);
        } catch (GitAPIException e) {
            throw new IOException("Moving baseline/'s main back failed: " + e.getMessage(), e);
        }
    }

    /** main (checked out in baseline/) to {@code commit}, index and working tree with it. */
    private static void moveMain(Git git, String commit) throws GitAPIException {
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit).call();
    }

    private int epoch() {
        return study.store().meta().get(MetaRepository.EPOCH).map(Integer::parseInt).orElse(0);
    }
}
