package dev.groundwork.runners.common;

import dev.groundwork.model.run.FailureClass;
import java.util.List;
import java.util.regex.Pattern;

/** Why a run failed, from its exit status, whether Groundwork stopped it, and its last lines. */
public final class FailureClassifier {

    /** The status of a process killed by SIGKILL; when Groundwork did not send it, the kernel's OOM killer did. */
    private static final int KILLED = 128 + 9;
    /** Python's and PyTorch's out-of-memory errors, and the shell's note on a child killed by SIGKILL. */
    private static final Pattern OUT_OF_MEMORY = Pattern.compile("MemoryError|CUDA out of memory|\\bKilled\\b");

    private FailureClassifier() {}

    /** A local process: null for a success; {@code stoppedBy} (timeout, cancel) wins over the status the stop caused. */
    public static FailureClass classify(int exitCode, FailureClass stoppedBy, List<String> tail) {
        if (stoppedBy != null) {
            return stoppedBy;
        }
        if (exitCode == 0) {
            return null;
        }
        return exitCode == KILLED || outOfMemoryIn(tail) ? FailureClass.OOM : FailureClass.CODE;
    }

    /**
     * A container, whose daemon says whether the kernel killed something in it for memory ({@code oomKilled}): an
     * exit 137 without it is someone's {@code docker kill}, so the code's failure, not memory's.
     */
    public static FailureClass classifyContainer(int exitCode, boolean oomKilled, FailureClass stoppedBy,
                                                 List<String> tail) {
        if (stoppedBy != null) {
            return stoppedBy;
        }
        if (exitCode == 0) {
            return null;
        }
        return oomKilled || outOfMemoryIn(tail) ? FailureClass.OOM : FailureClass.CODE;
    }

    private static boolean outOfMemoryIn(List<String> tail) {
        return tail.stream().anyMatch(line -> OUT_OF_MEMORY.matcher(line).find());
    }
}
