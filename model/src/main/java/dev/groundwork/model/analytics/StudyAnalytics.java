package dev.groundwork.model.analytics;

import dev.groundwork.model.patch.git.CommitDiff;
import dev.groundwork.model.patch.git.CommitReader;
import dev.groundwork.model.review.PatchReview.FileChange;
import dev.groundwork.model.store.AnalyticsRepository;
import dev.groundwork.model.history.Bucket;
import dev.groundwork.model.history.PatchFact;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A study's analytics and lineage as the pages read them: its facts in a handful of bulk queries, metric series thinned
 * in SQL, and the code of any two nodes of the lineage compared file by file. Reads the database and the baseline
 * repository: call it off the UI thread. One per open study.
 */
public final class StudyAnalytics {

    private final StudyFolder study;

    public StudyAnalytics(StudyFolder study) {
        this.study = study;
    }

    /** Everything the pages derive their charts, tables and tree from. */
    public StudyFacts facts() {
        AnalyticsRepository bulk = study.store().analytics();
        return new StudyFacts(study.store().ideas().all(), bulk.runs(), bulk.patches(), bulk.llmUsdByIdea(),
                bulk.llmUsdByEpoch(), direction(),
                study.store().promotions().all().stream().mapToLong(dev.groundwork.model.promotion.Promotion::afterRun).max().orElse(0));
    }

    public Direction direction() {
        return Direction.of(study.spec().reward().goal());
    }

    /** The metric the reward is computed from: the curve every page shows first. */
    public String rewardMetric() {
        return study.spec().reward().metric();
    }

    public LineageGraph lineage(StudyFacts facts) {
        return LineageGraph.of(facts, "baseline: " + study.name(), study.store().promotions().all());
    }

    /** The metrics any of the runs reported, alphabetically. */
    public List<String> metricNames(List<Long> runIds) {
        return study.store().analytics().metricNames(runIds);
    }

    /** One metric of several runs, thinned to {@code buckets} aligned buckets each; see {@link AnalyticsRepository#series}. */
    public Map<Long, List<Bucket>> series(List<Long> runIds, String metric, int buckets) {
        return study.store().analytics().series(runIds, metric, buckets);
    }

    /**
     * The files that differ between two nodes' code (the baseline's main commit, or the commit of an idea's code patch),
     * each as {@code from} has it and as {@code to} does; empty text where a side lacks the file.
     *
     * @throws IOException when a node has no code yet (its patch never applied), or the repository cannot be read
     */
    public List<FileChange> filesBetween(StudyFacts facts, long from, long to) throws IOException {
        String before = commitOf(facts, from);
        String after = commitOf(facts, to);
        List<String> paths = new CommitDiff(study.baseline().dir()).changedPaths(before, after);
        CommitReader reader = new CommitReader(study.baseline().dir());
        Map<String, String> old = reader.textFiles(before, paths::contains);
        Map<String, String> now = reader.textFiles(after, paths::contains);
        List<FileChange> files = new ArrayList<>();
        for (String path : paths) {
            if (old.containsKey(path) || now.containsKey(path)) { // binary files are left out, as Review leaves them
                files.add(new FileChange(path, old.getOrDefault(path, ""), now.getOrDefault(path, "")));
            }
        }
        return List.copyOf(files);
    }

    /** The commit a node's code is at. */
    String commitOf(StudyFacts facts, long node) throws IOException {
        if (node == LineageGraph.BASELINE) {
            return study.baseline().mainCommit();
        }
        return facts.codePatch(node).map(PatchFact::commit).orElseThrow(() -> new IOException("Idea " + node
                + " has no code to compare yet: none of its patches applied."));
    }
}
