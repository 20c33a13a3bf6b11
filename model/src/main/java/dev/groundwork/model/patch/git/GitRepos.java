package dev.groundwork.model.patch.git;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opening {@code baseline/} and resolving commits, with errors that say which commit is missing. */
final class GitRepos {

    private GitRepos() {}

    static Repository open(Path baselineDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(baselineDir.resolve(".git").toFile()).setMustExist(true).build();
    }

    static RevCommit commit(Repository repository, RevWalk walk, String revision) throws IOException {
        ObjectId id = repository.resolve(revision + "^{commit}");
        if (id == null) {
            throw new IOException("baseline/ has no commit '" + revision + "'");
        }
        return walk.parseCommit(id);
    }
}
