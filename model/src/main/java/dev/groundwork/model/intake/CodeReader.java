package dev.groundwork.model.intake;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the code a study is made from: a folder's files as they are (its .gitignore respected), or, with a revision,
 * a git repository's commit. Environments, caches, checkpoints, large files and links out of the code are left out.
 */
public final class CodeReader {

    /** Files larger than this are data, not code. */
    public static final long DEFAULT_MOST_BYTES = 5L << 20;

    private final LeaveOutRules rules;

    public CodeReader(long mostBytes) {
        this.rules = new LeaveOutRules(mostBytes);
    }

    public CodeSnapshot read(CodeLocation location) throws IntakeException {
        Path path = location.path();
        if (!Files.exists(path)) {
            throw new IntakeException("There is no folder " + path + "; name the folder that holds your code.");
        }
        if (!Files.isDirectory(path)) {
            throw new IntakeException(path + " is a file, not a folder; name the folder that holds your code.");
        }
        if (!Files.isReadable(path) || !Files.isExecutable(path)) {
            throw new IntakeException(path + " cannot be read; check its permissions, or copy the code somewhere you can"
                    + " read it.");
        }
        try {
            if (location.revision().isPresent()) {
                return new CommitWalk(rules).read(path, location.revision().get());
            }
            return new FolderWalk(rules).read(path);
        } catch (AccessDeniedException e) {
            throw new IntakeException(e.getFile() + " cannot be read; fix its permissions or add it to .gitignore, then"
                    + " try again.", e);
        } catch (IOException e) {
            throw new IntakeException("Reading the code in " + path + " failed (" + e.getMessage() + "); check that it"
                    + " can be read.", e);
        }
    }
}
