package dev.groundwork.model.patch.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.patch.engine.BaseTree;
import dev.groundwork.model.study.BaselineRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsTheTextFilesOfACommitNotTheWorkingTree() throws Exception {
        Path baseline = BaselineFixture.create(temp.resolve("baseline"));
        String main = new BaselineRepository(baseline).mainCommit();
        Files.writeString(baseline.resolve("train.py"), "uncommitted\n");

        CommitReader reader = new CommitReader(baseline);

        assertThat(reader.textFiles(main, path -> true)).containsOnlyKeys("train.py", "old.py", "run.sh")
                .containsEntry("train.py", BaselineFixture.TRAIN);
        assertThat(reader.textFiles(main, path -> path.endsWith(".py"))).containsOnlyKeys("train.py", "old.py");
    }

    @Test
    void aCommitIsABaseThatReadsOnlyWhatAPatchAsksFor() throws Exception {
        Path baseline = BaselineFixture.create(temp.resolve("baseline"));
        BaseTree base = new CommitReader(baseline).base(new BaselineRepository(baseline).mainCommit());

        assertThat(base.read("train.py")).contains(BaselineFixture.TRAIN);
        assertThat(base.read("missing.py")).isEmpty();
        assertThat(base.read("data")).isEmpty();
        assertThatThrownBy(() -> base.read("data/weights.bin"))
                .hasMessage("'data/weights.bin' is not UTF-8 text; patches may only change text files");
    }
}
