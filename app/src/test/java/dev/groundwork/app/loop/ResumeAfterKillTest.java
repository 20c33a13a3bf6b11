package dev.groundwork.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.store.StudyStore;
import dev.groundwork.model.study.StudyFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `groundwork run` killed with SIGKILL while epoch 1 runs, then run again: it finishes with nothing duplicated (ideas,
 * patches, runs) and nothing lost (the killed runs are marked lost and rerun once; their orphaned processes stopped).
 */
class ResumeAfterKillTest {

    @TempDir
    Path temp;

    @Test
    void aRunKilledMidEpochResumesWithNothingDuplicatedOrLost() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path study = temp.resolve("study");
        assertThat(cli.run("new", study.toString(), "--template", "minimal").exitCode()).isZero();
        slowDownTraining(study.resolve("baseline"));

        Process loop = startLoop(study);
        try {
            Run victim = awaitRunningRunInEpoch(study, cli, 1, Duration.ofSeconds(120));
            assertThat(victim).as("a run of epoch 1 was running when we killed the loop").isNotNull();
            loop.destroyForcibly(); // SIGKILL: no shutdown hook, nothing saved on the way out
            assertThat(loop.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.destroyForcibly();
        }

        CliRunner.Outcome resumed = cli.run("run", study.toString(), "--epochs", "2", "--ideas-per-epoch", "2", "--auto-approve");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("is marked lost and runs again once").contains("All 2 epochs are complete.");

        inspect(study, cli, folder -> {
            List<Idea> ideas = folder.store().ideas().all();
            assertThat(ideas).hasSize(4);
            assertThat(ideas.stream().map(Idea::title).distinct()).hasSize(4);
            Map<Long, List<Patch>> patchesByIdea = folder.store().patches().all().stream()
                    .collect(Collectors.groupingBy(Patch::ideaId));
            patchesByIdea.values().forEach(patches -> assertThat(patches).as("one attempt per idea").hasSize(1));
            for (Patch patch : folder.store().patches().withStatus(PatchStatus.APPROVED)) {
                List<Run> runs = folder.store().runs().forPatch(patch.id());
                assertThat(runs.stream().filter(run -> run.status() != RunStatus.LOST))
                        .as("patch %d has exactly one run that counts", patch.id()).hasSize(1);
                assertThat(runs.stream().filter(run -> run.status() == RunStatus.LOST).count()).isLessThanOrEqualTo(1);
                assertThat(runs.getLast().status().isFinal()).isTrue();
            }
            assertThat(folder.store().runs().all()).anyMatch(run -> run.status() == RunStatus.LOST);
            assertThat(folder.store().runs().active()).isEmpty();
        });
    }

    /** Each training run sleeps a little at the end, so that the kill lands while runs are in flight. */
    private static void slowDownTraining(Path baseline) throws Exception {
        Path train = baseline.resolve("train.py");
        Files.writeString(train, Files.readString(train) + "\nimport time\ntime.sleep(3)\n");
        try (Git git = Git.open(baseline.toFile())) {
            git.add().addFilepattern("train.py").call();
            PersonIdent me = new PersonIdent("test", "test@localhost");
            git.commit().setMessage("slow down").setAuthor(me).setCommitter(me).setSign(false).call();
        }
    }

    private Process startLoop(Path study) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.groundwork.app.Main",
                "run", study.toString(), "--epochs", "2", "--ideas-per-epoch", "2", "--auto-approve")
                .redirectErrorStream(true).redirectOutput(temp.resolve("killed-loop.log").toFile());
        builder.environment().put("XDG_CONFIG_HOME", temp.resolve("child-config").toString());
        builder.environment().put("XDG_STATE_HOME", temp.resolve("child-state").toString());
        return builder.start();
    }

    private Run awaitRunningRunInEpoch(Path study, CliRunner cli, int epoch, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        // Reads the database without the study's lock, so that the loop under test never finds its study taken.
        try (StudyStore store = StudyStore.openReadOnly(study.resolve("groundwork.db"), "test", Clock.systemUTC())) {
            while (System.nanoTime() < deadline) {
                Optional<Run> running = store.runs().active().stream()
                        .filter(run -> run.epoch() == epoch && run.status() == RunStatus.RUNNING).findFirst();
                if (running.isPresent()) {
                    return running.get();
                }
                Thread.sleep(200);
            }
        }
        return null;
    }

    private void inspect(Path study, CliRunner cli, StudyCheck check) throws Exception {
        StudyCheck.inspect(temp, cli, study, check);
    }
}
