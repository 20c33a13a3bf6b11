package dev.groundwork.model.monitor;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The runs of a study as the Runs page sees them: newest first with the idea they ran, whether each is a repeat and how
 * far an active one has got, a run's log read on from where the page left off, and a metric's series. Reads the
 * database and log files: call it off the UI thread.
 */
public final class RunMonitor {

    /**
     * A metric a run may report to give its total number of steps, so that its progress shows as a fraction
     * ({@code {"step": 200, "total_steps": 5000, ...}}, or a regex group of that name).
     */
    public static final String TOTAL_STEPS = "total_steps";

    /**
     * A run with the title of its idea ("baseline" for the baseline).
     *
     * @param repeatOf the run whose reward counts for this run's patch, when this one came after it (a repeat that
     *                 measures noise); null otherwise
     * @param progress how far an active run has got, or null (not active, or no step reported yet)
     */
    public record Row(Run run, String title, Long repeatOf, Progress progress) {
        public Row(Run run, String title) {
            this(run, title, null, null);
        }
    }

    /**
     * The highest step an active run reported, and the total when known: from its own {@value #TOTAL_STEPS} metric, or
     * else estimated from the baseline's last step ({@code estimated}), which runs of a fixed step budget share.
     */
    public record Progress(long step, Long total, boolean estimated) {
        /** step / total in [0, 1], or -1 when the total is unknown. */
        public double fraction() {
            return total == null || total <= 0 ? -1 : Math.min(1.0, step / (double) total);
        }
    }

    /**
     * New lines of a run's log: whole lines from byte {@code from} to byte {@code to}, where the next read starts.
     *
     * @param restarted the lines do not follow on from an earlier chunk (first read, or the log was too far ahead or
     *                  replaced): the page starts its copy of the log over
     */
    public record LogChunk(long runId, long from, long to, List<String> lines, boolean restarted) {
        public LogChunk {
            lines = List.copyOf(lines);
        }
    }

    private static final int TAIL_BYTES = 64 * 1024;

    private final StudyFolder study;

    public RunMonitor(StudyFolder study) {
        this.study = study;
    }

    /** Every run, newest first. */
    public List<Row> rows() {
        Map<Long, Idea> ideas = study.store().ideas().all().stream().collect(Collectors.toMap(Idea::id, Function.identity()));
        List<Run> runs = study.store().runs().all();
        // The reward of a patch (of the baseline) is its first successful run's; later runs of it are repeats.
        Map<Long, Long> counting = new HashMap<>();
        for (Run run : runs) {
            if (run.rewardCounts() && groupOf(run) != null) {
                counting.put(groupOf(run), run.id());
            }
        }
        Long baseline = counting.get(BASELINE);
        List<Row> rows = new ArrayList<>();
        for (Run run : runs.reversed()) {
            Idea idea = run.ideaId() == null ? null : ideas.get(run.ideaId());
            Long first = groupOf(run) == null ? null : counting.get(groupOf(run));
            rows.add(new Row(run, idea == null ? "baseline" : idea.title(),
                    first != null && first < run.id() ? first : null,
                    run.status().isActive() ? progress(run, baseline) : null));
        }
        return rows;
    }

    private static final Long BASELINE = -1L;

    /** The runs a run may repeat: its patch's, or the baseline's; null for a run of an idea without a patch. */
    private static Long groupOf(Run run) {
        return run.patchId() != null ? run.patchId() : run.ideaId() == null ? BASELINE : null;
    }

    private Progress progress(Run run, Long baseline) {
        OptionalLong step = study.store().metrics().lastStep(run.id());
        if (step.isEmpty()) {
            return null;
        }
        List<MetricPoint> totals = study.store().metrics().series(run.id(), TOTAL_STEPS);
        if (!totals.isEmpty()) {
            return new Progress(step.getAsLong(), Math.round(totals.getLast().value()), false);
        }
        if (baseline != null && baseline != run.id()) {
            OptionalLong expected = study.store().metrics().lastStep(baseline);
            if (expected.isPresent() && expected.getAsLong() >= step.getAsLong()) {
                return new Progress(step.getAsLong(), expected.getAsLong(), true);
            }
        }
        return new Progress(step.getAsLong(), null, false);
    }

    /**
     * A run's log from byte {@code from} on, in whole lines (a line still being written waits for the next read,
     * unless the run has ended). Starts over with the last {@code maxBytes} when {@code from} is negative, past the end,
     * or more than {@code maxBytes} behind. Empty before the run started.
     */
    public LogChunk log(long runId, long from, int maxBytes) throws IOException {
        Run run = study.store().runs().get(runId);
        Path log = run.logPath() == null ? null : study.dir().resolve(run.logPath());
        if (log == null || !Files.isRegularFile(log)) {
            return new LogChunk(runId, Math.max(0, from), Math.max(0, from), List.of(), from < 0);
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            boolean restarted = from < 0 || from > length || length - from > maxBytes;
            long start = restarted ? Math.max(0, length - maxBytes) : from;
            byte[] bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            int begin = 0;
            if (restarted && start > 0) {
                begin = indexAfterNewline(bytes, 0); // the first line was cut by the window
            }
            int end = run.status().isFinal() ? bytes.length : lastNewline(bytes) + 1;
            end = Math.max(begin, end);
            String text = new String(bytes, begin, end - begin, StandardCharsets.UTF_8);
            return new LogChunk(runId, start + begin, start + end, text.lines().toList(), restarted);
        }
    }

    /** The last {@code lines} lines of a run's log (reads at most the last 64 KB); empty before the run started. */
    public List<String> logTail(long runId, int lines) throws IOException {
        List<String> all = log(runId, -1, TAIL_BYTES).lines();
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static int indexAfterNewline(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
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
