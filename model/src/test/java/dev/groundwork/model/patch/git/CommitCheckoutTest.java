package dev.groundwork.model.patch.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.study.BaselineRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitCheckoutTest {

    @TempDir
    Path temp;

    @Test
    void writesACommitsFilesIntoAnEmptyFolderKeepingExecutablesAndLinks() throws Exception {
        Path baseline = BaselineFixture.create(temp.resolve("baseline"));
        String main = new BaselineRepository(baseline).mainCommit();
        Path workspace = temp.resolve("runs/7/workspace");

        new CommitCheckout(baseline).checkout(main, workspace);

        assertThat(files(workspace)).containsExactlyInAnyOrderElementsOf(files(baseline));
        for (String path : List.of("train.py", "old.py", "run.sh", "data/weights.bin")) {
            assertThat(Files.readAllBytes(workspace.resolve(path))).as(path)
                    .isEqualTo(Files.readAllBytes(baseline.resolve(path)));
        }
        assertThat(Files.getPosixFilePermissions(workspace.resolve("run.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(workspace.resolve("train.py")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readSymbolicLink(workspace.resolve("latest.py"))).isEqualTo(Path.of("train.py"));
        assertThat(workspace.resolve(".git")).doesNotExist();
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws Exception {
        Path baseline = BaselineFixture.create(temp.resolve("baseline"));
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("stale.txt"), "x");

        assertThatThrownBy(() -> new CommitCheckout(baseline).checkout("main", workspace))
                .hasMessage(workspace + " is not empty; a checkout goes into an empty folder");
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> !path.equals(root) && !Files.isDirectory(path)
                            && !root.relativize(path).startsWith(".git"))
                    .map(path -> root.relativize(path).toString()).toList();
        }
    }
}
