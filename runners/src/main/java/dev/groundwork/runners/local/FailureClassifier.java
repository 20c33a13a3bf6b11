package dev.groundwork.runners.local;

import dev.groundwork.model.run.FailureClass;
import java.util.List;
import java.util.regex.Pattern;

/** Why a local process failed, from its exit status, whether Groundwork stopped it, and its last lines. */
final class FailureClassifier {

    /** The status of a process killed by SIGKILL; when Groundwork did not send it, the kernel's OOM killer did. */
    private static final int KILLED = 128 + Posix.SIGKILL;
    /** Python's and PyTorch's out-of-memory errors, and the shell's note on a child killed by SIGKILL. */
    private static final Pattern OUT_OF_MEMORY = Pattern.compile("MemoryError|CUDA out of memory|\\bKilled\\b");

    private FailureClassifier() {}

    /** Null for a success; {@code stoppedBy} (timeout, cancel) wins over whatever status the stop caused. */
    static FailureClass classify(int exitCode, FailureClass stoppedBy, List<String> tail) {
        if (stoppedBy != null) {
            return stoppedBy;
        }
        if (exitCode == 0) {
            return null;
        }
        boolean outOfMemory = exitCode == KILLED || tail.stream().anyMatch(line -> OUT_OF_MEMORY.matcher(line).find());
        return outOfMemory ? FailureClass.OOM : FailureClass.CODE;
    }
}
