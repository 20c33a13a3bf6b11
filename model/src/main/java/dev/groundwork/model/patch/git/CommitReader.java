package dev.groundwork.model.patch.git;

import dev.groundwork.model.patch.engine.BaseTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads the files of a commit of {@code baseline/} straight from its objects, whatever is checked out. */
public final class CommitReader {

    /** Larger files are data, not code a model should read. */
    private static final long MOST_TEXT_BYTES = 4L << 20;

    private final Path baselineDir;

    public CommitReader(Path baselineDir) {
        this.baselineDir = baselineDir;
    }

    /**
     * The text files of {@code commit} whose path {@code include} accepts, path → text: the implementer's prompt and
     * the base to apply a patch to. Binary files (a NUL byte, or not UTF-8), symbolic links and files over 4 MiB are
     * left out.
     */
    public Map<String, String> textFiles(String commit, Predicate<String> include) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Repository repository = GitRepos.open(baselineDir); RevWalk walk = new RevWalk(repository);
             TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(GitRepos.commit(repository, walk, commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String path = tree.getPathString();
                if (!isFile(tree.getFileMode(0)) || !include.test(path)) {
                    continue;
                }
                ObjectLoader blob = repository.open(tree.getObjectId(0));
                if (blob.getSize() <= MOST_TEXT_BYTES) {
                    text(blob.getBytes()).ifPresent(text -> files.put(path, text));
                }
            }
        }
        return files;
    }

    /** The commit as a base for the patch engine, reading only the files a patch touches. */
    public BaseTree base(String commit) throws IOException {
        RevCommit resolved;
        try (Repository repository = GitRepos.open(baselineDir); RevWalk walk = new RevWalk(repository)) {
            resolved = GitRepos.commit(repository, walk, commit);
        }
        return path -> {
            try (Repository repository = GitRepos.open(baselineDir);
                 TreeWalk tree = TreeWalk.forPath(repository, path, resolved.getTree())) {
                if (tree == null || !isFile(tree.getFileMode(0))) {
                    return Optional.empty();
                }
                return Optional.of(BaseTree.utf8(repository.open(tree.getObjectId(0)).getBytes(), path));
            }
        };
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    private static Optional<String> text(byte[] bytes) {
        for (byte b : Arrays.copyOf(bytes, Math.min(bytes.length, 8000))) {
            if (b == 0) {
                return Optional.empty(); // git's own test for binary content
            }
        }
        try {
            return Optional.of(BaseTree.utf8(bytes, ""));
        } catch (IOException notUtf8) {
            return Optional.empty();
        }
    }
}
