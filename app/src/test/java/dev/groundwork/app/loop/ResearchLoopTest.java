package dev.groundwork.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.study.StudyFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole loop for real on the minimal study: its catalog, the patch engine, git, pre-flight and local processes. */
class ResearchLoopTest {

    @TempDir
    Path temp;

    private CliRunner cli() {
        return new CliRunner(temp.resolve("home"));
    }

    private Path newStudy() {
        Path study = temp.resolve("study");
        assertThat(cli().run("new", study.toString(), "--template", "minimal").exitCode()).isZero();
        return study;
    }

    @Test
    void evolveRunsTheBaselineThenEpochsOfIdeasPatchesAndRunsAndBreedsTheBest() throws Exception {
        Path study = newStudy();
        CliRunner.Outcome outcome = cli().run("run", study.toString(), "--epochs", "2", "--ideas-per-epoch", "3",
                "--auto-approve");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).contains("All 2 epochs are complete.");
        assertThat(outcome.out()).contains("epoch").contains("baseline 0.0269");

        inspect(study, folder -> {
            List<Idea> ideas = folder.store().ideas().all();
            assertThat(ideas).hasSize(6);
            assertThat(ideas.stream().map(Idea::title).collect(Collectors.toSet())).hasSize(6);
            assertThat(ideas).filteredOn(idea -> idea.epoch() == 0).allMatch(idea -> idea.parents().isEmpty());
            assertThat(ideas).filteredOn(idea -> idea.epoch() == 1)
                    .as("epoch 1 exploits: a combination of two ideas that beat the baseline")
                    .anySatisfy(idea -> {
                        assertThat(idea.parents()).hasSize(2);
                        assertThat(idea.title()).contains(" + ");
                    });
            List<Run> baseline = folder.store().runs().baselineRuns();
            assertThat(baseline).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(run.reward()).isBetween(0.026, 0.028);
            });
            for (Patch patch : folder.store().patches().withStatus(PatchStatus.APPROVED)) {
                assertThat(folder.store().runs().forPatch(patch.id())).as("one run per approved patch").hasSize(1);
                assertThat(patch.commit()).hasSize(40);
            }
            Run best = folder.store().runs().all().stream().filter(run -> run.reward() != null && !run.isBaseline())
                    .min((a, b) -> Double.compare(a.reward(), b.reward())).orElseThrow();
            assertThat(best.reward()).isLessThan(baseline.getFirst().reward());
            assertThat(folder.dir().resolve(best.logPath())).content().contains("\"val_loss\"");
            assertThat(folder.store().metrics().series(best.id(), "val_loss")).hasSizeGreaterThan(3);
            assertThat(folder.status().best().run()).isEqualTo(best.id());
            // Diverging ideas are scored as failed, not as rewards.
            assertThat(folder.store().runs().all()).anySatisfy(run ->
                    assertThat(run.failureClass()).hasToString("REWARD_INVALID"));
            try (Git git = Git.open(folder.baseline().dir().toFile())) {
                assertThat(git.branchList().call()).extracting(ref -> ref.getName())
                        .contains("refs/heads/gw/idea-" + best.ideaId());
                assertThat(git.getRepository().getBranch()).isEqualTo("main");
                assertThat(git.status().call().isClean()).as("the baseline's working tree is untouched").isTrue();
            }
        });

        CliRunner.Outcome again = cli().run("run", study.toString(), "--epochs", "2", "--ideas-per-epoch", "3",
                "--auto-approve");
        assertThat(again.exitCode()).isZero();
        inspect(study, folder -> assertThat(folder.store().runs().all()).as("nothing runs twice").hasSize(7));
    }

    @Test
    void aManualPatchGateWaitsUntilApprovedThenTheLoopContinues() throws Exception {
        Path study = newStudy();
        CliRunner.Outcome first = cli().run("run", study.toString(), "--epochs", "1", "--ideas-per-epoch", "2");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("Epoch 0 waits for review: 2 patches.");
        inspect(study, folder -> {
            assertThat(folder.store().patches().withStatus(PatchStatus.PREFLIGHT_OK)).hasSize(2);
            assertThat(folder.store().runs().all()).as("only the baseline ran").hasSize(1);
        });

        Long rejected = firstPatch(study);
        assertThat(cli().run("reject", study.toString(), "--patch", String.valueOf(rejected), "--reason", "not now")
                .exitCode()).isZero();
        CliRunner.Outcome approved = cli().run("approve", study.toString(), "--all");
        assertThat(approved.out()).startsWith("Approved 1 item.");

        CliRunner.Outcome second = cli().run("run", study.toString(), "--epochs", "1", "--ideas-per-epoch", "2");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("The 1 epoch is complete.");
        inspect(study, folder -> {
            assertThat(folder.store().runs().all()).hasSize(2);
            Patch decided = folder.store().patches().get(rejected);
            assertThat(decided.status()).isEqualTo(PatchStatus.REJECTED);
            assertThat(decided.decision().comment()).isEqualTo("not now");
        });

        CliRunner.Outcome illegal = cli().run("approve", study.toString(), "--patch", String.valueOf(rejected));
        assertThat(illegal.exitCode()).isEqualTo(2);
        assertThat(illegal.err()).contains("cannot go from rejected to approved");
    }

    @Test
    void workSeededAndApprovedAfterTheLastEpochRunsOnTheNextRunWithoutNewIdeas() throws Exception {
        Path study = newStudy();
        assertThat(cli().run("run", study.toString(), "--epochs", "1", "--ideas-per-epoch", "2", "--auto-approve")
                .exitCode()).isZero();
        CliRunner.Outcome idle = cli().run("run", study.toString(), "--epochs", "1", "--ideas-per-epoch", "2");
        assertThat(idle.err()).as("a finished study says how to go on")
                .contains("The 1 epoch is complete. Raise search.epochs to search further.");

        Path diff = temp.resolve("lr.diff");
        Files.writeString(diff, """
                --- a/train.py
                +++ b/train.py
                @@ -8,3 +8,3 @@
                 STEPS = 60
                -LEARNING_RATE = 0.05
                +LEARNING_RATE = 0.07
                 LOG_EVERY = 10
                """);
        CliRunner.Outcome seeded = cli().run("seed", study.toString(), "--title", "Slightly higher LR", "--patch", diff.toString());
        assertThat(seeded.exitCode()).as(seeded.err()).isZero();
        assertThat(cli().run("approve", study.toString(), "--all").exitCode()).isZero();

        CliRunner.Outcome late = cli().run("run", study.toString(), "--epochs", "1", "--ideas-per-epoch", "2");
        assertThat(late.exitCode()).as(late.err()).isZero();
        assertThat(late.err()).contains("The 1 epoch is complete. 1 run of work approved after its epoch was done too.");
        inspect(study, folder -> {
            assertThat(folder.store().ideas().all()).as("nothing new is proposed past the last epoch").hasSize(3);
            Idea mine = folder.store().ideas().all().getLast();
            assertThat(folder.store().runs().forIdea(mine.id())).singleElement()
                    .satisfies(run -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED));
        });
    }

    @Test
    void seedingSaysWhatTheOfflineCatalogCannotImplementNamesForgivenContextAndAnUnrunIdeaCanBeWithdrawn()
            throws Exception {
        Path study = newStudy();
        CliRunner.Outcome unknown = cli().run("seed", study.toString(), "--title", "Use a transformer");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("groundwork: Nothing was seeded. The offline catalog (agents.implementer)"
                + " writes patches only for its own ideas and their combinations, and \"Use a transformer\" is not one of"
                + " them: give the idea your own diff, or set an LLM implementer in agents.implementer. (--patch FILE)\n");
        CliRunner.Outcome known = cli().run("seed", study.toString(), "--title", "Heavy-ball momentum");
        assertThat(known.exitCode()).as(known.err()).isZero();

        Path missing = temp.resolve("nowhere.diff");
        assertThat(cli().run("seed", study.toString(), "--title", "x", "--patch", missing.toString()).err())
                .isEqualTo("groundwork: Cannot read --patch " + missing + ": there is no such file.\n");

        Path fuzzy = temp.resolve("fuzzy.diff");
        Files.writeString(fuzzy, """
                --- a/train.py
                +++ b/train.py
                @@ -8,3 +8,3 @@
                 STEPS = 61
                -LEARNING_RATE = 0.05
                +LEARNING_RATE = 0.07
                 LOG_EVERY = 10
                """);
        CliRunner.Outcome forgiven = cli().run("seed", study.toString(), "--title", "Slightly higher LR", "--patch",
                fuzzy.toString());
        assertThat(forgiven.exitCode()).as(forgiven.err()).isZero();
        assertThat(forgiven.out()).as("a person's diff is never fuzzed silently").contains("ignoring context")
                .contains("STEPS = 61");

        CliRunner.Outcome withdrawn = cli().run("reject", study.toString(), "--idea", "1", "--comment", "changed my mind");
        assertThat(withdrawn.exitCode()).as(withdrawn.err()).isZero();
        assertThat(withdrawn.err()).contains("withdrew idea 1");
        assertThat(cli().run("approve", study.toString(), "--all").exitCode()).isZero();
        assertThat(cli().run("run", study.toString(), "--epochs", "1", "--ideas-per-epoch", "1").exitCode()).isZero();
        CliRunner.Outcome ran = cli().run("reject", study.toString(), "--idea", "2");
        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.err()).startsWith("groundwork: Idea 2 has run (run ").contains("the results of a run stay");
        inspect(study, folder -> {
            assertThat(folder.store().ideas().get(1).status()).hasToString("REJECTED");
            assertThat(folder.store().runs().forIdea(1)).as("a withdrawn idea never runs").isEmpty();
        });
    }

    @Test
    void aBaselineThatLacksAPythonPackageSaysToInstallItNotToFixTheCode() throws Exception {
        Path study = newStudy();
        Path spec = study.resolve("groundwork.yaml");
        Files.writeString(spec, Files.readString(spec).replace("[\"python3\", \"train.py\"]",
                "[\"python3\", \"-c\", \"import groundwork_absent_package\"]"));
        CliRunner.Outcome outcome = cli().run("run", study.toString(), "--epochs", "1");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("python3 has no module groundwork_absent_package: install it where the run"
                + " executes").doesNotContain("fix baseline/");
    }

    @Test
    void runDataIsLinkedIntoEachWorkspaceNeverCopiedAndNamedInTheEnvironment() throws Exception {
        Path study = newStudy();
        Path corpus = Files.createDirectories(temp.resolve("shared-data/corpus"));
        Files.writeString(corpus.resolve("loss.txt"), "0.75");
        Path spec = study.resolve("groundwork.yaml");
        Files.writeString(spec, Files.readString(spec).replace("[\"python3\", \"train.py\"]",
                "[\"python3\", \"-c\", \"import json, os; print(json.dumps({'step': 1, 'val_loss': float(open(os.environ["
                        + "'GROUNDWORK_DATA_CORPUS'] + '/loss.txt').read())}))\"]\n  data: { corpus: " + corpus + " }"));
        CliRunner.Outcome outcome = cli().run("run", study.toString(), "--epochs", "1", "--ideas-per-epoch", "1",
                "--auto-approve");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        inspect(study, folder -> {
            Run baseline = folder.store().runs().baselineRuns().getFirst();
            assertThat(baseline.reward()).as("the run read the data through its link").isEqualTo(0.75);
            Path link = folder.dir().resolve("runs").resolve(String.valueOf(baseline.id())).resolve("workspace/data/corpus");
            assertThat(Files.isSymbolicLink(link)).as("linked, not copied").isTrue();
            assertThat(Files.readSymbolicLink(link)).isEqualTo(corpus);
        });
    }

    @Test
    void bestOfNSpendsTheSameBudgetWithoutFeedback() throws Exception {
        Path study = newStudy();
        CliRunner.Outcome outcome = cli().run("run", study.toString(), "--epochs", "2", "--ideas-per-epoch", "2",
                "--auto-approve", "--mode", "best-of-n");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        inspect(study, folder -> assertThat(folder.store().ideas().all()).hasSize(4)
                .allSatisfy(idea -> {
                    assertThat(idea.origin()).isEqualTo(IdeaOrigin.BEST_OF_N);
                    assertThat(idea.parents()).isEmpty();
                }));
    }

    @Test
    void aSeededPatchGoesThroughTheEngineAndOneThatDoesNotApplyIsRefusedWithNothingStored() throws Exception {
        Path study = newStudy();
        Path good = temp.resolve("good.diff");
        Files.writeString(good, """
                --- a/train.py
                +++ b/train.py
                @@ -8,3 +8,3 @@
                 STEPS = 60
                -LEARNING_RATE = 0.05
                +LEARNING_RATE = 0.07
                 LOG_EVERY = 10
                """);
        CliRunner.Outcome seeded = cli().run("seed", study.toString(), "--title", "Slightly higher LR", "--patch", good.toString());
        assertThat(seeded.exitCode()).as(seeded.err()).isZero();
        assertThat(seeded.out()).contains("Seeded idea 1").contains("passed pre-flight");
        assertThat(seeded.err()).as("the CLI says how to pass the gate").contains("groundwork approve " + study + " --patch ");

        Path bad = temp.resolve("bad.diff");
        Files.writeString(bad, """
                --- a/train.py
                +++ b/train.py
                @@ -8,3 +8,3 @@
                 STEPS = 6000
                -LEARNING_RATE = 0.5
                +LEARNING_RATE = 0.7
                 LOG_EVERY = 10
                """);
        CliRunner.Outcome refused = cli().run("seed", study.toString(), "--title", "Broken", "--patch", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).startsWith("groundwork: Your patch was not stored because it does not apply: ");

        Path evaluate = temp.resolve("evaluate.diff");
        Files.writeString(evaluate, """
                --- a/evaluate.py
                +++ b/evaluate.py
                @@ -1,1 +1,1 @@
                -\"\"\"Held-out evaluation for the minimal study. Protected: the implementer never sees or edits this file.\"\"\"
                +\"\"\"Mine now.\"\"\"
                """);
        CliRunner.Outcome protectedFile = cli().run("seed", study.toString(), "--title", "Cheat", "--patch", evaluate.toString());
        assertThat(protectedFile.exitCode()).isEqualTo(2);
        assertThat(protectedFile.err()).contains("evaluate.py");

        inspect(study, folder -> {
            assertThat(folder.store().ideas().all()).extracting(Idea::title).containsExactly("Slightly higher LR");
            assertThat(folder.store().patches().all()).singleElement().satisfies(patch -> {
                assertThat(patch.author()).isEqualTo("human");
                assertThat(patch.status()).isEqualTo(PatchStatus.PREFLIGHT_OK);
            });
        });
    }

    private Long firstPatch(Path study) throws Exception {
        Long[] id = new Long[1];
        inspect(study, folder -> id[0] = folder.store().patches().withStatus(PatchStatus.PREFLIGHT_OK).getFirst().id());
        return id[0];
    }

    private void inspect(Path study, StudyCheck check) throws Exception {
        StudyCheck.inspect(temp, cli(), study, check);
    }
}
