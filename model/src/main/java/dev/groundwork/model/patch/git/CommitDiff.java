package dev.groundwork.model.patch.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** The unified diff between two commits of {@code baseline/}, as {@code git diff FROM TO} prints it. */
public final class CommitDiff {

    private final Path baselineDir;

    public CommitDiff(Path baselineDir) {
        this.baselineDir = baselineDir;
    }

    public String between(String from, String to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Repository repository = GitRepos.open(baselineDir); RevWalk walk = new RevWalk(repository);
             DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setRepository(repository);
            formatter.setDiffComparator(RawTextComparator.DEFAULT);
            formatter.format(GitRepos.commit(repository, walk, from).getTree(), GitRepos.commit(repository, walk, to).getTree());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The paths that differ between two commits (added, modified, deleted; a rename as both its paths), sorted: found
     * by comparing the two trees' object ids, so unchanged files are never read.
     */
    public List<String> changedPaths(String from, String to) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        try (Repository repository = GitRepos.open(baselineDir); RevWalk walk = new RevWalk(repository);
             DiffFormatter formatter = new DiffFormatter(java.io.OutputStream.nullOutputStream())) {
            formatter.setRepository(repository);
            for (DiffEntry entry : formatter.scan(GitRepos.commit(repository, walk, from).getTree(),
                    GitRepos.commit(repository, walk, to).getTree())) {
                if (!DiffEntry.DEV_NULL.equals(entry.getOldPath())) {
                    paths.add(entry.getOldPath());
                }
                if (!DiffEntry.DEV_NULL.equals(entry.getNewPath())) {
                    paths.add(entry.getNewPath());
                }
            }
        }
        return List.copyOf(paths);
    }
}
