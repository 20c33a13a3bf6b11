package dev.groundwork.model.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeReaderTest {

    private static final PersonIdent ME = new PersonIdent("Researcher", "r@example.org");

    @TempDir
    Path temp;

    private final CodeReader reader = new CodeReader(1L << 20);

    @Test
    void aFolderKeepsItsCodeAndLeavesOutEnvironmentsCachesCheckpointsLargeFilesAndLinksOut() throws Exception {
        Path code = temp.resolve("code");
        write(code, "train.py", "print('hi')\n");
        write(code, ".gitignore", "*.log\nscratch/\n");
        write(code, "run.log", "ignored\n");
        write(code, "scratch/notes.py", "ignored\n");
        write(code, ".venv/pyvenv.cfg", "home = /usr\n");
        write(code, "myenv/pyvenv.cfg", "home = /usr\n");
        write(code, "__pycache__/train.cpython-311.pyc", "x");
        write(code, "checkpoints/step100.bin", "x");
        write(code, "model.pt", "x");
        write(code, ".git-not/keep.py", "kept: only .git itself is git's\n");
        Path big = code.resolve("data/shard0.bin");
        Files.createDirectories(big.getParent());
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(2L << 20);
        }
        Files.createSymbolicLink(code.resolve("model.py"), Path.of("train.py"));
        Files.createSymbolicLink(code.resolve("secrets"), Path.of("../../etc"));
        Files.createSymbolicLink(code.resolve("abs.py"), code.resolve("train.py"));

        CodeSnapshot snapshot = reader.read(CodeLocation.parse(code.toString()));

        assertThat(snapshot.files()).extracting(SourceFile::path)
                .containsExactly(".git-not/keep.py", ".gitignore", "model.py", "train.py");
        assertThat(snapshot.file("model.py")).hasValueSatisfying(link -> assertThat(link.linkTarget()).isEqualTo("train.py"));
        assertThat(snapshot.leftOut()).extracting(item -> item.path() + " " + item.reason()).containsExactlyInAnyOrder(
                ".venv/ ENVIRONMENT", "myenv/ ENVIRONMENT", "__pycache__/ CACHE", "checkpoints/ CHECKPOINT",
                "model.pt CHECKPOINT", "data/shard0.bin TOO_LARGE", "secrets LINK_OUTSIDE", "abs.py LINK_OUTSIDE");
        assertThat(snapshot.ignored()).isEqualTo(2);
        assertThat(snapshot.origin().commit()).isEmpty();
        assertThat(LeftOutNote.sentence(snapshot, 1L << 20)).hasValueSatisfying(sentence -> assertThat(sentence)
                .contains("data/shard0.bin (2 MB, over the 1 MB limit)")
                .contains("run: { data: { dataset: " + code.resolve("data") + " } }"));
    }

    @Test
    void binaryNonUtf8AndCrlfFilesAreCopiedByteForByteButOnlyUtf8TextCountsAsText() throws Exception {
        Path code = temp.resolve("code");
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        byte[] latin1 = "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] crlf = "import os\r\nprint(os.getcwd())\r\n".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(code);
        Files.write(code.resolve("logo.png"), binary);
        Files.write(code.resolve("legacy.py"), latin1);
        Files.write(code.resolve("train.py"), crlf);

        CodeSnapshot snapshot = reader.read(CodeLocation.parse(code.toString()));

        assertThat(snapshot.file("logo.png").orElseThrow().content()).isEqualTo(binary);
        assertThat(snapshot.file("logo.png").orElseThrow().text()).isEmpty();
        assertThat(snapshot.file("legacy.py").orElseThrow().content()).isEqualTo(latin1);
        assertThat(snapshot.file("legacy.py").orElseThrow().text()).isEmpty();
        assertThat(snapshot.file("train.py").orElseThrow().content()).isEqualTo(crlf);
    }

    @Test
    void aRevisionOfARepositoryIsReadFromItsCommitWhateverIsCheckedOut() throws Exception {
        Path code = temp.resolve("repo");
        write(code, "train.py", "print('v1')\n");
        String first;
        try (Git git = Git.init().setDirectory(code.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            first = git.commit().setMessage("v1").setAuthor(ME).setCommitter(ME).setSign(false).call().name();
            git.tag().setName("v1").call();
            write(code, "train.py", "print('v2')\n");
            write(code, "extra.py", "x = 1\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("v2").setAuthor(ME).setCommitter(ME).setSign(false).call();
        }
        write(code, "train.py", "print('uncommitted')\n");

        CodeSnapshot tagged = reader.read(CodeLocation.parse(code + "@v1"));
        CodeSnapshot working = reader.read(CodeLocation.parse(code.toString()));

        assertThat(tagged.files()).extracting(SourceFile::path).containsExactly("train.py");
        assertThat(tagged.file("train.py").orElseThrow().text()).hasValue("print('v1')\n");
        assertThat(tagged.origin().commit()).hasValue(first);
        assertThat(working.file("train.py").orElseThrow().text()).hasValue("print('uncommitted')\n");
        assertThat(working.origin().dirty()).isTrue();
        assertThat(working.origin().commitMessage()).contains("Groundwork-Origin: " + code)
                .contains("Groundwork-Origin-Commit: ");
    }

    @Test
    void aCommitsLinksOutOfTheCodeSubmodulesAndLargeFilesAreLeftOut() throws Exception {
        Path library = temp.resolve("library");
        write(library, "lib.py", "x = 1\n");
        try (Git git = Git.init().setDirectory(library.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("lib").setAuthor(ME).setCommitter(ME).setSign(false).call();
        }
        Path code = temp.resolve("repo");
        write(code, "train.py", "print('hi')\n");
        Files.write(code.resolve("weights.bin"), new byte[(1 << 20) + 1]);
        Files.createSymbolicLink(code.resolve("alias.py"), Path.of("train.py"));
        Files.createSymbolicLink(code.resolve("outside"), Path.of("../library/lib.py"));
        try (Git git = Git.init().setDirectory(code.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.submoduleAdd().setPath("vendor/lib").setURI(library.toUri().toString()).call().close();
            git.commit().setMessage("with a submodule").setAuthor(ME).setCommitter(ME).setSign(false).call();
        }

        CodeSnapshot snapshot = reader.read(CodeLocation.parse(code + "@main"));

        assertThat(snapshot.files()).extracting(SourceFile::path).containsExactly(".gitmodules", "alias.py", "train.py");
        assertThat(snapshot.file("alias.py").orElseThrow().linkTarget()).isEqualTo("train.py");
        assertThat(snapshot.leftOut()).extracting(item -> item.path() + " " + item.reason()).containsExactlyInAnyOrder(
                "weights.bin TOO_LARGE", "outside LINK_OUTSIDE", "vendor/lib/ SUBMODULE");
    }

    @Test
    void badLocationsAreOneSentenceEach() throws Exception {
        Path code = temp.resolve("repo");
        write(code, "train.py", "print('v1')\n");
        try (Git git = Git.init().setDirectory(code.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("v1").setAuthor(ME).setCommitter(ME).setSign(false).call();
        }
        Path plain = temp.resolve("plain");
        write(plain, "train.py", "x\n");

        assertThatThrownBy(() -> reader.read(CodeLocation.parse(code + "@no-such-branch")))
                .isInstanceOf(IntakeException.class)
                .hasMessage("The repository " + code + " has no revision 'no-such-branch'; name one of its branches, tags"
                        + " or commits.");
        assertThatThrownBy(() -> reader.read(CodeLocation.parse(plain + "@main")))
                .hasMessageContaining("is not a git repository, so it has no revisions");
        assertThatThrownBy(() -> reader.read(CodeLocation.parse(temp.resolve("missing").toString())))
                .hasMessage("There is no folder " + temp.resolve("missing") + "; name the folder that holds your code.");
        assertThatThrownBy(() -> reader.read(CodeLocation.parse(plain.resolve("train.py").toString())))
                .hasMessageContaining("is a file, not a folder");
    }

    static void write(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aReadNobodyWaitsForStopsWalking() throws Exception {
        Path code = Files.createDirectories(temp.resolve("interrupted"));
        Files.writeString(code.resolve("train.py"), "print(1)\n");
        Thread.currentThread().interrupt(); // what cancelling the window's read of a half-typed path does
        try {
            assertThatThrownBy(() -> new CodeReader(CodeReader.DEFAULT_MOST_BYTES).read(CodeLocation.parse(code.toString())))
                    .isInstanceOf(IntakeException.class).hasMessageContaining("reading the code was interrupted");
        } finally {
            Thread.interrupted();
        }
    }
}
