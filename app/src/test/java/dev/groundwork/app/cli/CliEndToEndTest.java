package dev.groundwork.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** new → status --json → export, and every user error the CLI must explain in one sentence. */
class CliEndToEndTest {

    @TempDir
    Path temp;

    private CliRunner cli() {
        return new CliRunner(temp.resolve("home"));
    }

    @Test
    void newThenStatusJsonThenExport() throws Exception {
        Path study = temp.resolve("s");
        CliRunner cli = cli();

        CliRunner.Outcome created = cli.run("new", study.toString(), "--template", "minimal");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created study 'minimal' in " + study);
        assertThat(study.resolve("groundwork.yaml")).isRegularFile();
        assertThat(study.resolve("groundwork.db")).isRegularFile();
        assertThat(study.resolve("baseline/.git")).isDirectory();
        assertThat(study.resolve("runs")).isDirectory();

        CliRunner.Outcome status = cli.run("status", study.toString(), "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(iterable(json.fieldNames())).containsExactly(
                "study", "epoch", "ideas", "patches", "runs", "baseline_reward", "best", "llm_usd", "gpu_hours", "hosts",
                "promotions");
        assertThat(json.get("study").asText()).isEqualTo("minimal");
        assertThat(json.get("epoch").isInt()).isTrue();
        assertThat(iterable(json.get("ideas").fieldNames())).containsExactly(
                "total", "proposed", "approved", "rejected", "implementing", "implemented", "unimplementable");
        assertThat(json.get("runs").get("total").asInt()).isZero();
        assertThat(json.get("runs").has("timed-out")).isTrue();
        assertThat(json.get("patches").has("preflight-ok")).isTrue();
        assertThat(json.get("baseline_reward").isNull()).isTrue();
        assertThat(json.get("best").isNull()).isTrue();
        assertThat(json.get("llm_usd").isNumber()).isTrue();
        assertThat(json.get("gpu_hours").isNumber()).isTrue();
        assertThat(json.get("hosts")).singleElement().satisfies(host -> {
            assertThat(host.get("name").asText()).isEqualTo("local");
            assertThat(host.get("health").asText()).isEqualTo("healthy");
            assertThat(host.get("busy").asInt()).isZero();
        });

        CliRunner.Outcome text = cli.run("status", study.toString());
        assertThat(text.out()).startsWith("minimal — epoch 0").contains("ideas    0").contains("best     no scored idea yet")
                .contains("host     local (local): healthy, 0 runs here");

        Path csv = temp.resolve("out.csv");
        CliRunner.Outcome exported = cli.run("export", study.toString(), "--format", "csv", "--out", csv.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readAllLines(csv)).first().asString().startsWith("run_id,run_status,failure_class,reward,");

        CliRunner.Outcome jsonExport = cli.run("export", study.toString(), "--format", "JSON");
        assertThat(jsonExport.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(jsonExport.out()).get("study").asText()).isEqualTo("minimal");

        // The study is remembered as recent.
        assertThat(Files.readString(cli.dirs().settingsFile())).contains(study.toString());
    }

    @Test
    void aMalformedSpecExitsTwoNamingFileLineAndColumn() throws Exception {
        Path study = temp.resolve("s");
        assertThat(cli().run("new", study.toString(), "--template", "minimal").exitCode()).isZero();
        Path spec = study.resolve("groundwork.yaml");
        Files.writeString(spec, Files.readString(spec).replace("timeout: 2m", "timeout: 2 minutes"));

        CliRunner.Outcome status = cli().run("status", study.toString(), "--json");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.out()).isEmpty();
        assertThat(status.err()).matches("(?s)groundwork: groundwork\\.yaml:\\d+:\\d+: run\\.timeout: .*\\n");
        assertThat(status.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void userErrorsAreOneSentenceWithTheRightExitCode() throws Exception {
        Path notAStudy = Files.createDirectories(temp.resolve("plain"));
        assertOutcome(cli().run("status", notAStudy.toString()), 2,
                "groundwork: " + notAStudy + " is not a Groundwork study: it has no groundwork.yaml. Choose the study's own"
                        + " folder, or create a study there first.\nCreate one with `groundwork new " + notAStudy + "`.\n");
        assertOutcome(cli().run("status", temp.resolve("missing").toString()), 2,
                "groundwork: There is no folder " + temp.resolve("missing") + "; create a study there first.\nCreate one"
                        + " with `groundwork new " + temp.resolve("missing") + "`.\n");
        assertOutcome(cli().run("new", temp.resolve("t").toString(), "--template", "nope"), 2,
                "groundwork: There is no template 'nope'; the templates are: charlm, minimal, nanogpt.\n");
        assertThat(temp.resolve("t")).doesNotExist();

        Files.writeString(notAStudy.resolve("notes.txt"), "mine");
        CliRunner.Outcome occupied = cli().run("new", notAStudy.toString());
        assertThat(occupied.exitCode()).isEqualTo(2);
        assertThat(occupied.err()).contains("already exists and is not empty");
        assertThat(notAStudy.resolve("notes.txt")).hasContent("mine");

        assertOutcome(cli().run("export", notAStudy.toString()), 2,
                "groundwork: `groundwork export` needs --format csv|json (see `groundwork export --help`).\n");
        assertOutcome(cli().run("frobnicate"), 2, "groundwork: 'frobnicate' is not a Groundwork command; the commands are"
                + " " + String.join(", ", commands()) + " (see `groundwork --help`).\n");
        assertOutcome(cli().run("rnu", notAStudy.toString()), 2,
                "groundwork: 'rnu' is not a Groundwork command; did you mean 'run'? (see `groundwork --help`).\n");
        assertOutcome(cli().run("approve", notAStudy.toString()), 2, "groundwork: `groundwork approve` needs one of"
                + " --idea ID, --patch ID or --all (see `groundwork approve --help`).\n");
        assertOutcome(cli().run("reject", notAStudy.toString(), "--idea", "1", "--all"), 2, "groundwork: `groundwork"
                + " reject` takes only one of --idea ID, --patch ID or --all (see `groundwork reject --help`).\n");
        assertOutcome(cli().run("status", notAStudy.toString(), "--jsn"), 2, "groundwork: `groundwork status` has no"
                + " option --jsn; did you mean '--json'? (see `groundwork status --help`).\n");
        assertOutcome(cli().run("export", notAStudy.toString(), "--format", "csv", "--what", "all"), 2, "groundwork: --what"
                + " all is JSON only (a CSV file holds one table); choose --format json, or one of runs, ideas, metrics,"
                + " lineage.\n");
        assertOutcome(cli().run("new"), 2, "groundwork: `groundwork new` needs DIR, the new study's folder (see"
                + " `groundwork new --help`).\n");
    }

    @Test
    void hostsAreAddedListedTestedDrainedAndRemoved() {
        assertThat(cli().run("hosts", "list").out()).startsWith("local ").contains("this machine's processes");
        CliRunner.Outcome added = cli().run("hosts", "add", "workstation", "unix:///var/run/docker.sock", "--gpus", "0,1");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("Added Docker host workstation (unix:///var/run/docker.sock).\n");
        assertThat(cli().run("hosts", "list").out()).contains("workstation").contains("docker unix:///var/run/docker.sock")
                .contains("GPUs 0,1 (declared)");
        assertOutcome(cli().run("hosts", "add", "box", "docker.example:2376"), 2, "groundwork: 'docker.example:2376' is"
                + " not a Docker endpoint: write unix:///path/to/docker.sock or tcp://HOST:PORT.\n");

        CliRunner.Outcome local = cli().run("hosts", "test", "local");
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.out()).endsWith("local answers and can take runs.\n");

        assertThat(cli().run("hosts", "drain", "workstation").exitCode()).isZero();
        assertThat(cli().run("hosts", "list").out()).contains("draining");
        assertThat(cli().run("hosts", "drain", "workstation", "--undo").exitCode()).isZero();
        assertThat(cli().run("hosts", "list").out()).doesNotContain("draining");
        assertThat(cli().run("hosts", "remove", "workstation").exitCode()).isZero();
        assertOutcome(cli().run("hosts", "remove", "workstation"), 2,
                "groundwork: There is no host named workstation; no Docker host is set up.\n");
    }

    @Test
    void listingTemplatesNeedsNoFolder() {
        CliRunner.Outcome listed = cli().run("new", "--list-templates");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("charlm").contains("minimal").contains("nanogpt");
    }

    @Test
    void theGpuTemplateMakesAStudyWhoseSpecIsValidWithItsImageRecipeAndGpuCheck() throws Exception {
        Path study = temp.resolve("gpt");

        CliRunner.Outcome created = cli().run("new", study.toString(), "--template", "nanogpt");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created study 'nanogpt' in " + study);
        assertThat(study.resolve("baseline/evaluate.py")).isRegularFile();
        assertThat(study.resolve("Dockerfile")).content().contains("FROM pytorch/pytorch:");
        assertThat(study.resolve("gpu_check.py")).isRegularFile();
        CliRunner.Outcome status = cli().run("status", study.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).startsWith("nanogpt — epoch 0");
    }

    private static List<String> commands() {
        return List.of("new", "probe", "status", "export", "run", "seed", "approve", "reject", "promote", "llm", "hosts",
                "image", "gui", "snapshot");
    }

    @Test
    void anExportTargetThatCannotBeWrittenFailsWithExitOneAndLeavesNothing() throws Exception {
        Path study = temp.resolve("s");
        assertThat(cli().run("new", study.toString(), "--template", "minimal").exitCode()).isZero();
        Path target = temp.resolve("no-such-folder/out.csv");
        CliRunner.Outcome outcome = cli().run("export", study.toString(), "--format", "csv", "--out", target.toString());
        assertOutcome(outcome, 1, "groundwork: Cannot write " + target + " (the folder " + target.getParent()
                + " does not exist); choose another --out path or leave --out out to print to standard output.\n");

        Path folder = Files.createDirectories(temp.resolve("a-folder"));
        CliRunner.Outcome onFolder = cli().run("export", study.toString(), "--format", "json", "--out", folder.toString());
        assertThat(onFolder.exitCode()).isEqualTo(1);
        assertThat(onFolder.err()).contains("(it is a folder)");
        assertThat(Files.list(temp).map(p -> p.getFileName().toString())).doesNotContain("out.csv");
    }

    @Test
    void aDatabaseFromANewerGroundworkIsRefusedWithExitOne() throws Exception {
        Path study = temp.resolve("s");
        assertThat(cli().run("new", study.toString(), "--template", "minimal").exitCode()).isZero();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + study.resolve("groundwork.db"));
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        CliRunner.Outcome outcome = cli().run("status", study.toString());
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("was written by a newer Groundwork (schema version 99")
                .contains("the file was not changed.");
    }

    @Test
    void theWorkshopIsNotPartOfTheProduct() {
        assertOutcome(cli().run("bench", "store"), 2, "groundwork: 'bench' is not a Groundwork command; the commands are"
                + " " + String.join(", ", commands()) + " (see `groundwork --help`).\n");
        assertThat(cli().run("dev", "synth", temp.resolve("s").toString()).exitCode()).isEqualTo(2);
        assertThat(cli().run("--help").out()).doesNotContainPattern("(?m)^  (bench|dev) ");
    }

    @Test
    void versionAndHelp() {
        CliRunner.Outcome version = cli().run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("groundwork ");
        for (String command : List.of("new", "status", "export", "gui")) {
            CliRunner.Outcome help = cli().run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: groundwork " + command);
        }
        assertThat(cli().run("--help").out()).contains("new").contains("status").contains("export").contains("gui");
    }

    private static void assertOutcome(CliRunner.Outcome outcome, int code, String err) {
        assertThat(outcome.err()).isEqualTo(err);
        assertThat(outcome.exitCode()).isEqualTo(code);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
