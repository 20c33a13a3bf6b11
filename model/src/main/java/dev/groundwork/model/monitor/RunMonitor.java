package dev.groundwork.model.monitor;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The runs of a study as the Runs page sees them: newest first with the idea they ran, the tail of a run's log, and a
 * metric's series. Reads the database and log files: call it off the UI thread.
 */
public final class RunMonitor {

    /** A run with the title of its idea ("baseline" for the baseline). */
    public record Row(Run run, String title) {}

    private static final int TAIL_BYTES = 64 * 1024;

    private final StudyFolder study;

    public RunMonitor(StudyFolder study) {
        this.study = study;
    }

    /** Every run, newest first. */
    public List<Row> rows() {
        Map<Long, Idea> ideas = study.store().ideas().all().stream().collect(Collectors.toMap(Idea::id, Function.identity()));
        List<Row> rows = new ArrayList<>();
        for (Run run : study.store().runs().all().reversed()) {
            Idea idea = run.ideaId() == null ? null : ideas.get(run.ideaId());
            rows.add(new Row(run, idea == null ? "baseline" : idea.title()));
        }
        return rows;
    }

    /** The last {@code lines} lines of a run's log (reads at most the last 64 KB); empty before the run started. */
    public List<String> logTail(long runId, int lines) throws IOException {
        Run run = study.store().runs().get(runId);
        if (run.logPath() == null) {
            return List.of();
        }
        Path log = study.dir().resolve(run.logPath());
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            if (start > 0 && !all.isEmpty()) {
                all = all.subList(1, all.size()); // the first line was cut by the 64 KB window
            }
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    /** The metric the spec's reward is computed from. */
    public String rewardMetric() {
        return study.spec().reward().metric();
    }

    /** One metric of one run, in step order. */
    public List<MetricPoint> series(long runId, String metric) {
        return study.store().metrics().series(runId, metric);
    }
}
