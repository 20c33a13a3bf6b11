package dev.groundwork.model.patch.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.patch.engine.ApplyOptions;
import dev.groundwork.model.patch.engine.ApplyOutcome;
import dev.groundwork.model.patch.engine.FileEdit;
import dev.groundwork.model.patch.engine.FileMode;
import dev.groundwork.model.patch.engine.PatchEngine;
import dev.groundwork.model.patch.engine.PathRules;
import dev.groundwork.model.study.BaselineRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdeaBranchCommitterTest {

    private static final PersonIdent AUTHOR = new PersonIdent("llm:gpt-5", "implementer@groundwork.local",
            Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final PersonIdent COMMITTER = new PersonIdent("Groundwork", "groundwork@localhost",
            Instant.parse("2026-03-01T10:00:05Z"), ZoneOffset.UTC);
    private static final String DIFF = """
            --- a/train.py
            +++ b/train.py
            @@ -2 +2 @@
            -lr = 0.1
            +lr = 0.01
            --- /dev/null
            +++ b/util.py
            @@ -0,0 +1 @@
            +X = 1
            --- a/old.py
            +++ /dev/null
            @@ -1 +0,0 @@
            -print('bye')
            """;

    @TempDir
    Path temp;

    private Path baseline;
    private String main;

    @BeforeEach
    void setUp() throws Exception {
        baseline = BaselineFixture.create(temp.resolve("baseline"));
        main = new BaselineRepository(baseline).mainCommit();
    }

    @Test
    void commitsAnAppliedPatchOnTheIdeasBranchWithoutTouchingTheWorkingTree() throws Exception {
        ApplyOutcome outcome = new PatchEngine(PathRules.anyFileInside(), ApplyOptions.DEFAULT)
                .apply(DIFF, new CommitReader(baseline).base(main));

        String commit = new IdeaBranchCommitter(baseline).commit(12, main, outcome.edits(), "Idea 12: lower lr", AUTHOR,
                COMMITTER);

        try (Git git = Git.open(baseline.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            assertThat(git.getRepository().resolve("refs/heads/gw/idea-12").name()).isEqualTo(commit);
            RevCommit revCommit = walk.parseCommit(git.getRepository().resolve(commit));
            assertThat(revCommit.getParent(0).name()).isEqualTo(main);
            assertThat(revCommit.getFullMessage()).isEqualTo("Idea 12: lower lr");
            assertThat(revCommit.getAuthorIdent()).isEqualTo(AUTHOR);
            assertThat(revCommit.getCommitterIdent()).isEqualTo(COMMITTER);
            assertThat(mode(git, revCommit, "run.sh")).isEqualTo(org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE);
            assertThat(mode(git, revCommit, "latest.py")).isEqualTo(org.eclipse.jgit.lib.FileMode.SYMLINK);
            assertThat(git.getRepository().getFullBranch()).isEqualTo("refs/heads/main");
            assertThat(git.status().call().isClean()).isTrue();
        }
        assertThat(Files.readString(baseline.resolve("train.py"))).isEqualTo(BaselineFixture.TRAIN);
        assertThat(baseline.resolve("util.py")).doesNotExist();
        assertThat(new CommitReader(baseline).textFiles(commit, path -> true)).containsOnlyKeys("train.py", "util.py",
                "run.sh").containsEntry("train.py", "import numpy as np\nlr = 0.01\nsteps = 100\n")
                .containsEntry("util.py", "X = 1\n");
    }

    @Test
    void movesTheBranchWhenTheIdeaIsCommittedAgain() throws Exception {
        IdeaBranchCommitter committer = new IdeaBranchCommitter(baseline);
        String first = committer.commit(3, main, List.of(new FileEdit("a.py", null, "a\n", null)), "first", AUTHOR,
                COMMITTER);

        String second = committer.commit(3, main, List.of(new FileEdit("b.sh", null, "b\n", FileMode.EXECUTABLE)),
                "second", AUTHOR, COMMITTER);

        assertThat(second).isNotEqualTo(first);
        try (Git git = Git.open(baseline.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            assertThat(git.getRepository().resolve("gw/idea-3").name()).isEqualTo(second);
            RevCommit commit = walk.parseCommit(git.getRepository().resolve(second));
            assertThat(commit.getParent(0).name()).isEqualTo(main);
            assertThat(mode(git, commit, "b.sh")).isEqualTo(org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE);
            assertThat(TreeWalk.forPath(git.getRepository(), "a.py", commit.getTree())).isNull();
        }
    }

    @Test
    void refusesToMoveABranchThatIsCheckedOut() throws Exception {
        IdeaBranchCommitter committer = new IdeaBranchCommitter(baseline);
        committer.commit(5, main, List.of(), "empty", AUTHOR, COMMITTER);
        try (Git git = Git.open(baseline.toFile())) {
            git.checkout().setName("gw/idea-5").call();
        }

        assertThatThrownBy(() -> committer.commit(5, main, List.of(), "again", AUTHOR, COMMITTER))
                .hasMessage("baseline/ has gw/idea-5 checked out; check out main there before Groundwork moves that "
                        + "branch");
    }

    @Test
    void namesACommitThatDoesNotExist() {
        assertThatThrownBy(() -> new IdeaBranchCommitter(baseline).commit(1, "no-such-commit", List.of(), "m", AUTHOR,
                COMMITTER)).hasMessage("baseline/ has no commit 'no-such-commit'");
    }

    @Test
    void refusesAFileWhereTheBaseHasAFolder() {
        assertThatThrownBy(() -> new IdeaBranchCommitter(baseline).commit(1, main,
                List.of(new FileEdit("data", null, "x\n", null)), "m", AUTHOR, COMMITTER))
                .isInstanceOf(IOException.class)
                .hasMessage("'data' and 'data/weights.bin' cannot both exist: one is a file, the other a file inside a "
                        + "folder of that name");
    }

    private static org.eclipse.jgit.lib.FileMode mode(Git git, RevCommit commit, String path) throws Exception {
        try (TreeWalk walk = TreeWalk.forPath(git.getRepository(), path, commit.getTree())) {
            return walk.getFileMode(0);
        }
    }
}
