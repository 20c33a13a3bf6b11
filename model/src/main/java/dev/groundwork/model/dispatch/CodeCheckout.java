package dev.groundwork.model.dispatch;

import java.io.IOException;
import java.nio.file.Path;

/** What running needs of the study's code: the baseline's commit, and any commit's files put into a run's workspace. */
public interface CodeCheckout {

    /** The commit of the baseline's {@code main} branch. */
    String mainCommit() throws IOException;

    /** Puts a commit's files into an empty folder (a run's workspace). */
    void checkout(String commit, Path dir) throws IOException;
}
