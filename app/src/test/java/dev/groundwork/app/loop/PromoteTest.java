package dev.groundwork.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.promotion.Promotion;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `groundwork promote`: the winner becomes main, the loop reruns the baseline, and later ideas build on it. */
class PromoteTest {

    @TempDir
    Path temp;

    @Test
    void aPromotedIdeaIsTheBaselineTheNextEpochIsWrittenAgainstAndComparedWith() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path study = temp.resolve("study");
        assertThat(cli.run("new", study.toString(), "--template", "minimal").exitCode()).isZero();
        CliRunner.Outcome first = cli.run("run", study.toString(), "--epochs", "1", "--ideas-per-epoch", "2",
                "--auto-approve");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode before = new ObjectMapper().readTree(cli.run("status", study.toString(), "--json").out());
        long winner = before.path("best").path("idea").asLong();
        double oldBaseline = before.path("baseline_reward").asDouble();
        double winnerReward = before.path("best").path("reward").asDouble();
        String[] oldMain = new String[1];
        StudyCheck.inspect(temp, cli, study, folder -> oldMain[0] = folder.baseline().mainCommit());

        CliRunner.Outcome promoted = cli.run("promote", study.toString(), "--idea", String.valueOf(winner));

        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        assertThat(promoted.out()).startsWith("Idea " + winner + " \"").contains("is the baseline now");
        CliRunner.Outcome second = cli.run("run", study.toString(), "--epochs", "2", "--ideas-per-epoch", "2",
                "--auto-approve");
        assertThat(second.exitCode()).as(second.err()).isZero();

        StudyCheck.inspect(temp, cli, study, folder -> {
            Promotion promotion = folder.store().promotions().latest().orElseThrow();
            String main = folder.baseline().mainCommit();
            assertThat(promotion.toCommit()).isEqualTo(main);
            assertThat(promotion.fromCommit()).isEqualTo(oldMain[0]);
            assertThat(promotion.previousReward()).isEqualTo(oldBaseline);
            try (Git git = Git.open(folder.baseline().dir().toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
                Repository repository = git.getRepository();
                RevCommit head = walk.parseCommit(repository.resolve(main));
                Patch winning = folder.store().patches().get(promotion.patchId());
                RevCommit ideaCode = walk.parseCommit(repository.resolve(winning.commit()));
                assertThat(head.getTree()).isEqualTo(ideaCode.getTree());
                assertThat(head.getParent(0).name()).as("the old baseline stays in history").isEqualTo(oldMain[0]);
                assertThat(git.status().call().isClean()).as("baseline/ shows the promoted code").isTrue();
            }
            List<Run> baselineRuns = folder.store().runs().baselineRuns();
            assertThat(baselineRuns).as("the promoted code was run as the baseline").singleElement().satisfies(run -> {
                assertThat(run.id()).isGreaterThan(promotion.afterRun());
                assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(run.reward()).isEqualTo(winnerReward);
            });
            assertThat(folder.store().runs().baselineReward()).hasValue(winnerReward);
            List<Patch> later = folder.store().patches().all().stream()
                    .filter(patch -> folder.store().ideas().get(patch.ideaId()).epoch() == 1).toList();
            assertThat(later).isNotEmpty().allSatisfy(patch -> assertThat(patch.baseCommit()).isEqualTo(main));
        });
        CliRunner.Outcome status = cli.run("status", study.toString());
        assertThat(status.out()).contains("promoted idea " + winner + " in epoch 1");
        assertThat(new ObjectMapper().readTree(cli.run("status", study.toString(), "--json").out())
                .path("baseline_reward").asDouble()).isEqualTo(winnerReward);
        JsonNode exported = new ObjectMapper().readTree(cli.run("export", study.toString(), "--format", "json").out());
        assertThat(exported.path("promotions")).singleElement().satisfies(node -> {
            assertThat(node.path("idea_id").asLong()).isEqualTo(winner);
            assertThat(node.path("previous_reward").asDouble()).isEqualTo(oldBaseline);
        });
    }

    @Test
    void anIdeaThatNeverRanOrDoesNotExistIsNotPromoted() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path study = temp.resolve("study");
        assertThat(cli.run("new", study.toString(), "--template", "minimal").exitCode()).isZero();
        long[] unrun = new long[1];
        StudyCheck.inspect(temp, cli, study, folder -> unrun[0] = folder.store().ideas()
                .propose(new dev.groundwork.model.idea.NewIdea(0, dev.groundwork.model.idea.IdeaOrigin.HUMAN,
                        "An idea nobody ran", "")).id());

        CliRunner.Outcome notRun = cli.run("promote", study.toString(), "--idea", String.valueOf(unrun[0]));
        assertThat(notRun.exitCode()).isEqualTo(2);
        assertThat(notRun.err()).isEqualTo("groundwork: Idea " + unrun[0] + " has no successful run with a reward yet;"
                + " only code that ran and was scored can become the baseline.\n");
        CliRunner.Outcome missing = cli.run("promote", study.toString(), "--idea", "99");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("groundwork: There is no idea 99 in this study.\n");
    }
}
