package dev.groundwork.model.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A folder's files as they are on disk, with each folder's .gitignore applied the way git applies it (JGit's
 * {@link IgnoreNode}, deepest rule first). When the folder is a git repository its HEAD is recorded as the origin.
 */
final class FolderWalk {

    private final LeaveOutRules rules;

    FolderWalk(LeaveOutRules rules) {
        this.rules = rules;
    }

    CodeSnapshot read(Path root) throws IOException, IntakeException {
        Visitor visitor = new Visitor(root);
        Files.walkFileTree(root, visitor);
        return new CodeSnapshot(origin(root), visitor.files, visitor.leftOut, visitor.ignored);
    }

    private static Origin origin(Path root) throws IntakeException {
        if (!Files.exists(root.resolve(".git"))) {
            return new Origin(root, Optional.empty(), false);
        }
        try (Git git = Git.open(root.toFile())) {
            ObjectId head = git.getRepository().resolve("HEAD^{commit}");
            if (head == null) {
                return new Origin(root, Optional.empty(), false);
            }
            return new Origin(root, Optional.of(head.name()), !git.status().call().isClean());
        } catch (IOException | GitAPIException e) {
            throw new IntakeException(root + " looks like a git repository but cannot be read as one (" + e.getMessage()
                    + "); repair it, or copy its files to a plain folder.", e);
        }
    }

    private final class Visitor extends SimpleFileVisitor<Path> {

        private final Path root;
        private final Deque<Ignores> ignores = new ArrayDeque<>();
        final List<SourceFile> files = new ArrayList<>();
        final List<LeftOut> leftOut = new ArrayList<>();
        int ignored;

        Visitor(Path root) {
            this.root = root;
        }

        /** A reader nobody waits for any more (the window's path was typed on) stops instead of walking a big tree. */
        private static void stopWhenInterrupted() throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("reading the code was interrupted");
            }
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            stopWhenInterrupted();
            if (!dir.equals(root)) {
                String name = dir.getFileName().toString();
                String path = relative(dir);
                if (name.equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (isIgnored(dir, true)) {
                    ignored++;
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                    leftOut.add(new LeftOut(path + "/", LeftOut.Reason.SUBMODULE, 0));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Optional<LeftOut.Reason> reason = rules.folder(name, Files.isRegularFile(dir.resolve("pyvenv.cfg")));
                if (reason.isPresent()) {
                    leftOut.add(new LeftOut(path + "/", reason.get(), 0));
                    return FileVisitResult.SKIP_SUBTREE;
                }
            }
            ignores.push(new Ignores(dir, readIgnore(dir.resolve(".gitignore"))));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
            if (failure != null) {
                throw failure;
            }
            ignores.pop();
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
            throw failure;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            stopWhenInterrupted();
            String path = relative(file);
            if (isIgnored(file, false)) {
                ignored++;
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
                link(file, path);
            } else if (!attrs.isRegularFile()) {
                leftOut.add(new LeftOut(path, LeftOut.Reason.SPECIAL, 0));
            } else {
                Optional<LeftOut.Reason> reason = rules.file(file.getFileName().toString(), attrs.size());
                if (reason.isPresent()) {
                    leftOut.add(new LeftOut(path, reason.get(), attrs.size()));
                } else {
                    files.add(SourceFile.regular(path, Files.readAllBytes(file), Files.isExecutable(file)));
                }
            }
            return FileVisitResult.CONTINUE;
        }

        /** Keeps a link whose target stays inside the code (as a link); one that leads out would break in the baseline. */
        private void link(Path file, String path) throws IOException {
            Path target = Files.readSymbolicLink(file);
            Path resolved = file.getParent().resolve(target).normalize();
            if (target.isAbsolute() || !resolved.startsWith(root) || resolved.equals(root)) {
                leftOut.add(new LeftOut(path, LeftOut.Reason.LINK_OUTSIDE, 0));
            } else {
                files.add(SourceFile.link(path, target.toString().replace(target.getFileSystem().getSeparator(), "/")));
            }
        }

        private boolean isIgnored(Path entry, boolean isDirectory) {
            Iterator<Ignores> deepestFirst = ignores.iterator();
            while (deepestFirst.hasNext()) {
                Ignores level = deepestFirst.next();
                String path = level.dir.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
                Boolean verdict = level.node.checkIgnored(path, isDirectory);
                if (verdict != null) {
                    return verdict;
                }
            }
            return false;
        }

        private String relative(Path entry) {
            return root.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
        }
    }

    private record Ignores(Path dir, IgnoreNode node) {}

    private static IgnoreNode readIgnore(Path file) throws IOException {
        IgnoreNode node = new IgnoreNode();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                node.parse(in);
            }
        }
        return node;
    }
}
