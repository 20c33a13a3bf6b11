package dev.groundwork.model.intake;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a baseline came from, recorded in its first commit.
 *
 * @param commit the source repository's commit, when the code came from one
 * @param dirty  the working tree differed from that commit (uncommitted changes were copied)
 */
public record Origin(Path path, Optional<String> commit, boolean dirty) {

    public String describe() {
        return path + commit.map(c -> " (commit " + c.substring(0, Math.min(12, c.length())) + (dirty ? " with uncommitted"
                + " changes" : "") + ")").orElse("");
    }

    /** The commit message of the baseline's first commit: a summary line and git trailers naming the origin. */
    public String commitMessage() {
        StringBuilder message = new StringBuilder("Baseline from ").append(describe()).append("\n\n");
        message.append("Groundwork-Origin: ").append(path).append('\n');
        commit.ifPresent(c -> message.append("Groundwork-Origin-Commit: ").append(c).append(dirty ? " (dirty)" : "")
                .append('\n'));
        return message.toString();
    }
}
