package dev.groundwork.model.patch.git;

import dev.groundwork.model.patch.engine.FileEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.DirCacheNameConflictException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Commits a patch's edits on top of a commit of {@code baseline/} as branch {@code gw/idea-<id>}, so that
 * {@code git diff main gw/idea-12} works outside the app. The tree is built in an in-memory index from the base
 * commit's tree and new blobs: the baseline's working tree, its index and its checked-out branch are never touched.
 */
public final class IdeaBranchCommitter {

    private final Path baselineDir;

    public IdeaBranchCommitter(Path baselineDir) {
        this.baselineDir = baselineDir;
    }

    public static String branch(long ideaId) {
        return "gw/idea-" + ideaId;
    }

    /** Creates the idea's branch at a new commit, or moves it there; returns the commit id. */
    public String commit(long ideaId, String baseCommit, List<FileEdit> edits, String message, PersonIdent author,
                         PersonIdent committer) throws IOException {
        String ref = Constants.R_HEADS + branch(ideaId);
        try (Repository repository = GitRepos.open(baselineDir); RevWalk walk = new RevWalk(repository);
             ObjectInserter inserter = repository.newObjectInserter()) {
            if (ref.equals(repository.getFullBranch())) {
                throw new IOException("baseline/ has " + branch(ideaId) + " checked out; check out main there before "
                        + "Groundwork moves that branch");
            }
            RevCommit base = GitRepos.commit(repository, walk, baseCommit);
            ObjectId tree = tree(repository, inserter, base, edits);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentId(base);
            commit.setAuthor(author);
            commit.setCommitter(committer);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(ref);
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            update.setRefLogIdent(committer);
            update.setRefLogMessage("groundwork: patch for idea " + ideaId, false);
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                    && result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NO_CHANGE) {
                throw new IOException("Could not move " + branch(ideaId) + " in baseline/: " + result);
            }
            return id.name();
        }
    }

    private static ObjectId tree(Repository repository, ObjectInserter inserter, RevCommit base, List<FileEdit> edits)
            throws IOException {
        Map<String, FileEdit> byPath = new HashMap<>();
        edits.forEach(edit -> byPath.put(edit.path(), edit));
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        Map<String, FileMode> kept = new HashMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(base.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                FileMode mode = walk.getFileMode(0);
                kept.put(path, mode);
                if (!byPath.containsKey(path)) {
                    builder.add(entry(path, mode, walk.getObjectId(0)));
                }
            }
        }
        for (FileEdit edit : edits) {
            if (edit.deletes()) {
                continue;
            }
            FileMode mode = edit.mode() == null ? kept.getOrDefault(edit.path(), FileMode.REGULAR_FILE)
                    : edit.mode() == dev.groundwork.model.patch.engine.FileMode.EXECUTABLE ? FileMode.EXECUTABLE_FILE
                    : FileMode.REGULAR_FILE;
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, edit.after().getBytes(StandardCharsets.UTF_8));
            builder.add(entry(edit.path(), mode, blob));
        }
        try {
            builder.finish();
        } catch (DirCacheNameConflictException e) {
            throw new IOException("'" + e.getPath1() + "' and '" + e.getPath2() + "' cannot both exist: one is a file, "
                    + "the other a file inside a folder of that name", e);
        }
        return index.writeTree(inserter);
    }

    private static DirCacheEntry entry(String path, FileMode mode, ObjectId id) {
        DirCacheEntry entry = new DirCacheEntry(path);
        entry.setFileMode(mode);
        entry.setObjectId(id);
        return entry;
    }
}
