package dev.groundwork.model.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A commit of a git repository (a working copy or a bare one), read from its objects whatever is checked out. */
final class CommitWalk {

    private final LeaveOutRules rules;

    CommitWalk(LeaveOutRules rules) {
        this.rules = rules;
    }

    CodeSnapshot read(Path path, String revision) throws IOException, IntakeException {
        try (Repository repository = open(path); RevWalk walk = new RevWalk(repository);
             ObjectReader reader = repository.newObjectReader(); TreeWalk tree = new TreeWalk(reader)) {
            RevCommit commit = commit(repository, walk, path, revision);
            List<SourceFile> files = new ArrayList<>();
            List<LeftOut> leftOut = new ArrayList<>();
            tree.addTree(commit.getTree());
            while (tree.next()) {
                String entry = tree.getPathString();
                FileMode mode = tree.getFileMode(0);
                if (tree.isSubtree()) {
                    Optional<LeftOut.Reason> reason = rules.folder(tree.getNameString(), false);
                    if (reason.isPresent()) {
                        leftOut.add(new LeftOut(entry + "/", reason.get(), 0));
                    } else {
                        tree.enterSubtree();
                    }
                } else if (mode == FileMode.GITLINK) {
                    leftOut.add(new LeftOut(entry + "/", LeftOut.Reason.SUBMODULE, 0));
                } else if (mode == FileMode.SYMLINK) {
                    link(entry, new String(reader.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8), files,
                            leftOut);
                } else {
                    ObjectId id = tree.getObjectId(0);
                    long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                    Optional<LeftOut.Reason> reason = rules.file(tree.getNameString(), size);
                    if (reason.isPresent()) {
                        leftOut.add(new LeftOut(entry, reason.get(), size));
                    } else {
                        files.add(SourceFile.regular(entry, reader.open(id).getBytes(),
                                mode == FileMode.EXECUTABLE_FILE));
                    }
                }
            }
            return new CodeSnapshot(new Origin(path, Optional.of(commit.name()), false), files, leftOut, 0);
        }
    }

    private static void link(String entry, String target, List<SourceFile> files, List<LeftOut> leftOut) {
        Path base = Path.of("/code").resolve(entry).getParent();
        Path resolved = base.resolve(target).normalize();
        if (target.startsWith("/") || !resolved.startsWith("/code") || resolved.equals(Path.of("/code"))) {
            leftOut.add(new LeftOut(entry, LeftOut.Reason.LINK_OUTSIDE, 0));
        } else {
            files.add(SourceFile.link(entry, target));
        }
    }

    private static Repository open(Path path) throws IntakeException, IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (Files.exists(path.resolve(".git"))) {
            builder.setWorkTree(path.toFile());
        } else if (Files.isDirectory(path.resolve("objects")) && Files.isRegularFile(path.resolve("HEAD"))) {
            builder.setGitDir(path.toFile());
        } else {
            throw new IntakeException(path + " is not a git repository, so it has no revisions; leave '@' and the"
                    + " revision out to use the folder as it is.");
        }
        return builder.build();
    }

    private static RevCommit commit(Repository repository, RevWalk walk, Path path, String revision)
            throws IntakeException, IOException {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            id = null;
        }
        if (id == null) {
            throw new IntakeException("The repository " + path + " has no revision '" + revision + "'; name one of its"
                    + " branches, tags or commits.");
        }
        return walk.parseCommit(id);
    }
}
