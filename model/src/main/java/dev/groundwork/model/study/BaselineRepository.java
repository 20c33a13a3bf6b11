package dev.groundwork.model.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The study's {@code baseline/} folder: a git repository whose {@code main} branch is the code under research. Approved
 * patches become branches {@code gw/idea-<id>} of it, so {@code git diff main gw/idea-12} works outside the app.
 */
public final class BaselineRepository {

    public static final String MAIN = "main";
    static final PersonIdent GROUNDWORK = new PersonIdent("Groundwork", "groundwork@localhost");

    private final Path dir;

    public BaselineRepository(Path dir) {
        this.dir = dir;
    }

    /** Makes the folder a repository with everything in it committed on {@code main}. */
    public static BaselineRepository initialize(Path dir, String message) throws IOException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(MAIN).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor(GROUNDWORK).setCommitter(GROUNDWORK).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IOException("Could not make " + dir + " a git repository: " + e.getMessage(), e);
        }
        return new BaselineRepository(dir);
    }

    public boolean isRepository() {
        return Files.isDirectory(dir.resolve(".git"));
    }

    /** The commit {@code main} points at. */
    public String mainCommit() throws IOException {
        try (Repository repository = open()) {
            ObjectId head = repository.resolve("refs/heads/" + MAIN);
            if (head == null) {
                throw new IOException("baseline/ has no '" + MAIN + "' branch; commit the baseline code on a branch named "
                        + MAIN + ".");
            }
            return head.name();
        }
    }

    Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).setMustExist(true).build();
    }

    public Path dir() {
        return dir;
    }
}
