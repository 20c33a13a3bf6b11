package dev.groundwork.views.newstudy;

import dev.groundwork.model.execution.RunTarget;
import java.util.Optional;

/**
 * What the New Study window needs from outside the views: where a test run of the baseline executes, and the PATH a
 * run command's program is looked up in.
 *
 * @param probeTarget  empty where test runs are not offered (fakes in tests)
 * @param settleMillis how long a typed path must stay unchanged before the code there is read
 */
public record NewStudyPorts(Optional<RunTarget> probeTarget, String searchPath, long settleMillis) {

    public static final NewStudyPorts NONE = new NewStudyPorts(Optional.empty(), "", 0);

    /** Reads a typed path once it has not changed for a third of a second. */
    public NewStudyPorts(Optional<RunTarget> probeTarget, String searchPath) {
        this(probeTarget, searchPath, 300);
    }
}
