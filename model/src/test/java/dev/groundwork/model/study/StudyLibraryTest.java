package dev.groundwork.model.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.store.ReadOnlyStudyException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLibraryTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyLibrary library;
    private AppDirs dirs;

    @BeforeEach
    void setUp() {
        dirs = new AppDirs(temp.resolve("config"), temp.resolve("data"), temp.resolve("cache"), temp.resolve("state"));
        settings = new SettingsStore(dirs.settingsFile());
        library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        settings.close();
    }

    @Test
    void theBundledTemplatesAreListedWithTheirDescriptions() {
        assertThat(library.templates()).extracting(TemplateInfo::name).contains("minimal");
        assertThat(library.templates()).filteredOn(t -> t.name().equals("minimal")).singleElement()
                .satisfies(t -> assertThat(t.description()).startsWith("A tiny pure-Python regression study"));
    }

    @Test
    void aNewStudyHasItsSpecABaselineRepositoryOnMainADatabaseAndARunsFolder() throws Exception {
        Path dir = temp.resolve("study");
        try (StudyFolder study = library.create(dir, "minimal")) {
            assertThat(study.name()).isEqualTo("minimal");
            assertThat(study.readOnly()).isFalse();
            assertThat(dir.resolve("groundwork.yaml")).isRegularFile();
            assertThat(dir.resolve("groundwork.db")).isRegularFile();
            assertThat(dir.resolve("runs")).isDirectory();
            assertThat(dir.resolve("baseline/train.py")).isRegularFile();
            try (Git git = Git.open(dir.resolve("baseline").toFile())) {
                assertThat(git.getRepository().getBranch()).isEqualTo("main");
                assertThat(git.status().call().isClean()).isTrue();
                assertThat(git.log().call().iterator().next().getFullMessage()).isEqualTo("Baseline from the minimal template");
            }
            assertThat(study.baseline().mainCommit()).hasSize(40);
        }
        assertThat(library.recent()).containsExactly(dir);
    }

    @Test
    void creatingOverAnotherFolderOrFromAnUnknownTemplateChangesNothing() throws Exception {
        Path occupied = Files.createDirectories(temp.resolve("occupied"));
        Files.writeString(occupied.resolve("thesis.tex"), "precious");
        assertThatThrownBy(() -> library.create(occupied, "minimal")).isInstanceOf(NotAStudyException.class)
                .hasMessage(occupied + " already exists and is not empty; choose a new folder (Groundwork never writes a"
                        + " study into a folder that holds other files).");
        assertThat(Files.list(occupied).map(p -> p.getFileName().toString())).containsExactly("thesis.tex");

        assertThatThrownBy(() -> library.create(temp.resolve("x"), "nope")).isInstanceOf(NotAStudyException.class)
                .hasMessageStartingWith("There is no template 'nope'; the templates are: ");
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void aSecondOpenInThisProcessIsReadOnlyAndSaysWhy() throws Exception {
        Path dir = temp.resolve("study");
        try (StudyFolder first = library.create(dir, "minimal")) {
            first.store().ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "kept", ""));
            try (StudyFolder second = library.open(dir)) {
                assertThat(second.readOnlyReason()).contains("this Groundwork already has the study open in another window");
                assertThat(second.store().ideas().all()).hasSize(1);
                assertThatThrownBy(() -> second.store().ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "x", "")))
                        .isInstanceOf(ReadOnlyStudyException.class);
            }
        }
        try (StudyFolder again = library.open(dir)) {
            assertThat(again.readOnly()).as("the lock is released on close").isFalse();
        }
    }

    @Test
    void aStudyLockedByAnotherProcessOpensReadOnlyNamingTheHolder() throws Exception {
        Path dir = temp.resolve("study");
        library.create(dir, "minimal").close();
        // A real second process takes the same POSIX record lock that Java's FileChannel.tryLock takes on Linux.
        Process holder = new ProcessBuilder("python3", "-c", """
                import fcntl, sys
                f = open(sys.argv[1], 'r+')
                fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                f.truncate(0); f.write('pid 4242 on lab-01 since 2026-11-26 09:00'); f.flush()
                print('locked', flush=True)
                sys.stdin.read()
                """, dir.resolve("groundwork.lock").toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            try (StudyFolder study = library.open(dir)) {
                assertThat(study.readOnlyReason()).contains("another Groundwork (pid 4242 on lab-01 since 2026-11-26 09:00)"
                        + " has it open; changes are possible there, not here");
                assertThat(study.status().study()).isEqualTo("minimal");
            }
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        try (StudyFolder study = library.open(dir)) {
            assertThat(study.readOnly()).as("the holder is gone").isFalse();
        }
    }

    @Test
    void openingExplainsWhatIsMissing() throws Exception {
        assertThatThrownBy(() -> library.open(temp.resolve("nowhere"))).isInstanceOf(NotAStudyException.class)
                .hasMessageStartingWith("There is no folder " + temp.resolve("nowhere"));
        Path plain = Files.createDirectories(temp.resolve("plain"));
        assertThatThrownBy(() -> library.open(plain)).isInstanceOf(NotAStudyException.class)
                .hasMessageContaining("is not a Groundwork study: it has no groundwork.yaml");

        Path dir = temp.resolve("study");
        library.create(dir, "minimal").close();
        Path spec = dir.resolve("groundwork.yaml");
        Files.writeString(spec, Files.readString(spec).replace("goal: minimize", "goal: lowest"));
        assertThatThrownBy(() -> library.open(dir)).isInstanceOf(InvalidSpecException.class)
                .hasMessageMatching("groundwork\\.yaml:\\d+:\\d+: reward\\.goal: .*minimize.*maximize.*");

        Files.writeString(spec, Files.readString(spec).replace("goal: lowest", "goal: minimize"));
        deleteTree(dir.resolve("baseline/.git"));
        assertThatThrownBy(() -> library.open(dir)).isInstanceOf(StudyException.class)
                .hasMessageContaining("is not a git repository; make it one with `git init -b main");
    }

    @Test
    void theDemoStudyIsCreatedOnceInTheDataFolderThenReopened() throws Exception {
        try (StudyFolder demo = library.openDemo()) {
            assertThat(demo.dir()).isEqualTo(dirs.demoStudy());
            demo.store().ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "survives reopening", ""));
        }
        try (StudyFolder demo = library.openDemo()) {
            assertThat(demo.store().ideas().all()).hasSize(1);
        }
    }

    @Test
    void recentStudiesAreRememberedMostRecentFirstAndSaved() throws Exception {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        library.create(a, "minimal").close();
        library.create(b, "minimal").close();
        library.open(a).close();
        assertThat(library.recent()).containsExactly(a, b);
        settings.flush();
        try (SettingsStore reloaded = new SettingsStore(dirs.settingsFile())) {
            assertThat(reloaded.get().recentStudies()).containsExactly(a.toString(), b.toString());
        }
        deleteTree(b);
        assertThat(library.recent()).containsExactly(a);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
