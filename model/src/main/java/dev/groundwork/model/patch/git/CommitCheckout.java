package dev.groundwork.model.patch.git;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes a commit's files into an empty folder (a run's workspace) without a working tree or an index: executables keep
 * their execute bits, symbolic links stay links, submodules become empty folders.
 */
public final class CommitCheckout {

    private final Path baselineDir;

    public CommitCheckout(Path baselineDir) {
        this.baselineDir = baselineDir;
    }

    public void checkout(String commit, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> existing = Files.list(target)) {
            if (existing.findAny().isPresent()) {
                throw new IOException(target + " is not empty; a checkout goes into an empty folder");
            }
        }
        Path root = target.toAbsolutePath().normalize();
        try (Repository repository = GitRepos.open(baselineDir); RevWalk walk = new RevWalk(repository);
             TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(GitRepos.commit(repository, walk, commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                Path file = root.resolve(tree.getPathString()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("Commit " + commit + " has a path outside its tree: " + tree.getPathString());
                }
                Files.createDirectories(file.getParent());
                FileMode mode = tree.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    Files.createDirectories(file);
                } else if (mode == FileMode.SYMLINK) {
                    byte[] link = repository.open(tree.getObjectId(0)).getBytes();
                    Files.createSymbolicLink(file, Path.of(new String(link, StandardCharsets.UTF_8)));
                } else {
                    try (OutputStream out = Files.newOutputStream(file)) {
                        repository.open(tree.getObjectId(0)).copyTo(out);
                    }
                    if (mode == FileMode.EXECUTABLE_FILE) {
                        makeExecutable(file);
                    }
                }
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // Windows has no execute bit to keep
        }
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        permissions.add(PosixFilePermission.OWNER_EXECUTE);
        if (permissions.contains(PosixFilePermission.GROUP_READ)) {
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(file, permissions);
    }
}
