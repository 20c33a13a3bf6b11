package dev.groundwork.model.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.intake.CodeDetector;
import dev.groundwork.model.intake.CodeLocation;
import dev.groundwork.model.intake.CodeReader;
import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.StudyPlan;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyFromCodeTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyLibrary library;

    @BeforeEach
    void setUp() {
        AppDirs dirs = new AppDirs(temp.resolve("config"), temp.resolve("data"), temp.resolve("cache"), temp.resolve("state"));
        settings = new SettingsStore(dirs.settingsFile());
        library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        settings.close();
    }

    @Test
    void theCodeBecomesTheBaselinesFirstCommitOnMainRecordingItsOrigin() throws Exception {
        Path code = temp.resolve("code");
        Files.createDirectories(code);
        byte[] crlf = "import json\r\nprint(json.dumps({'step': 1, 'val_loss': 2.0}))\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "# na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(code.resolve("train.py"), crlf);
        Files.write(code.resolve("notes.py"), latin1);
        Files.writeString(code.resolve("evaluate.py"), "pass\n");
        Files.writeString(code.resolve("run.sh"), "#!/bin/sh\npython3 train.py\n");
        code.resolve("run.sh").toFile().setExecutable(true);
        Files.createSymbolicLink(code.resolve("alias.py"), Path.of("train.py"));
        PersonIdent me = new PersonIdent("Researcher", "r@example.org");
        String origin;
        try (Git git = Git.init().setDirectory(code.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            origin = git.commit().setMessage("mine").setAuthor(me).setCommitter(me).setSign(false).call().name();
        }
        CodeSnapshot snapshot = new CodeReader(CodeReader.DEFAULT_MOST_BYTES).read(CodeLocation.parse(code + "@main"));
        StudyPlan plan = new CodeDetector().detect(snapshot, "mine").plan();

        try (StudyFolder study = library.createFrom(temp.resolve("study"), snapshot, plan)) {
            Path baseline = study.baseline().dir();
            assertThat(study.spec().run().command()).containsExactly("python3", "train.py");
            assertThat(study.spec().baseline().isEditable("train.py")).isTrue();
            assertThat(study.spec().baseline().isProtected("evaluate.py")).isTrue();
            assertThat(study.spec().reward().metric()).isEqualTo("val_loss");
            assertThat(Files.readAllBytes(baseline.resolve("train.py"))).isEqualTo(crlf);
            assertThat(Files.readAllBytes(baseline.resolve("notes.py"))).isEqualTo(latin1);
            assertThat(Files.isSymbolicLink(baseline.resolve("alias.py"))).isTrue();
            assertThat(Files.isExecutable(baseline.resolve("run.sh"))).isTrue();
            try (Git git = Git.open(baseline.toFile())) {
                List<RevCommit> log = toList(git.log().call());
                assertThat(log).hasSize(1);
                assertThat(log.getFirst().getFullMessage()).contains("Groundwork-Origin: " + code)
                        .contains("Groundwork-Origin-Commit: " + origin);
                assertThat(git.status().call().isClean()).isTrue();
                assertThat(git.getRepository().getBranch()).isEqualTo("main");
            }
        }
    }

    @Test
    void theRunSettingsValidRangeAndFilesLeftOutReachTheStudy() throws Exception {
        Path code = temp.resolve("code");
        Files.createDirectories(code);
        Files.writeString(code.resolve("train.py"), "import json\nprint(json.dumps({'step': 1, 'val_acc': 0.5}))\n");
        Files.writeString(code.resolve("scratch.py"), "print('notes')\n");
        CodeSnapshot read = new CodeReader(CodeReader.DEFAULT_MOST_BYTES).read(CodeLocation.parse(code.toString()));
        CodeSnapshot snapshot = read.without(java.util.Set.of("scratch.py"));
        StudyPlan plan = new CodeDetector().detect(snapshot, "mine").plan()
                .withRuns(new StudyPlan.Runs("2m", 3, 1)).withValid(new StudyPlan.Valid(0, 1));

        try (StudyFolder study = library.createFrom(temp.resolve("study"), snapshot, plan)) {
            assertThat(study.spec().run().timeout()).isEqualTo(java.time.Duration.ofMinutes(2));
            assertThat(study.spec().run().gpusPerRun()).isEqualTo(1);
            assertThat(study.spec().search().concurrency()).isEqualTo(3);
            assertThat(study.spec().reward().valid()).hasValueSatisfying(range -> {
                assertThat(range.low()).isZero();
                assertThat(range.high()).isEqualTo(1.0);
            });
            assertThat(study.baseline().dir().resolve("scratch.py")).doesNotExist();
            assertThat(snapshot.leftOut()).extracting(left -> left.path() + ": " + left.reason().words())
                    .containsExactly("scratch.py: left out by you");
        }
    }

    @Test
    void aPlanTheSpecRefusesLeavesNoHalfMadeStudy() throws Exception {
        Path code = temp.resolve("code");
        Files.createDirectories(code);
        Files.writeString(code.resolve("train.py"), "print('x')\n");
        CodeSnapshot snapshot = new CodeReader(CodeReader.DEFAULT_MOST_BYTES).read(CodeLocation.parse(code.toString()));
        StudyPlan plan = new CodeDetector().detect(snapshot, "x").plan().withReward("val_loss", "sideways");

        assertThatThrownBy(() -> library.createFrom(temp.resolve("study"), snapshot, plan))
                .isInstanceOf(StudyException.class).hasMessageContaining("nothing was left behind");
        assertThat(temp.resolve("study")).doesNotExist();
    }

    private static java.util.List<RevCommit> toList(Iterable<RevCommit> commits) {
        java.util.List<RevCommit> list = new java.util.ArrayList<>();
        commits.forEach(list::add);
        return list;
    }
}
