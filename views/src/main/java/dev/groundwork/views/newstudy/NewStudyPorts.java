package dev.groundwork.views.newstudy;

import dev.groundwork.model.execution.RunTarget;
import java.util.Optional;

/**
 * What the New Study window needs from outside the views: where a test run of the baseline executes, and the PATH a
 * run command's program is looked up in.
 *
 * @param probeTarget empty where test runs are not offered (fakes in tests)
 */
public record NewStudyPorts(Optional<RunTarget> probeTarget, String searchPath) {

    public static final NewStudyPorts NONE = new NewStudyPorts(Optional.empty(), "");
}
