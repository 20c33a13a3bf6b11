package dev.groundwork.views.lineage;

import static dev.groundwork.views.common.StatusFormat.total;

import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.model.promotion.Promotion;
import dev.groundwork.model.analytics.LineageGraph.Node;
import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.analytics.StudyFacts;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.history.Bucket;
import dev.groundwork.views.analytics.CurveData;
import dev.groundwork.views.ideas.IdeaGenerationViewModel;
import javafx.beans.binding.Bindings;
import dev.groundwork.views.review.diff.SideBySide;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusFormat;
import dev.groundwork.views.common.StatusPageViewModel;
import dev.groundwork.views.common.TaskExecutor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Lineage page: the family tree of ideas (read again with the study's status), the selected node, and its code
 * compared with its parent's, or with any ancestor's or the baseline's the researcher picks (read in the background).
 */
public final class LineageViewModel {

    /** Buckets a curve is thinned to in the database: more than the side panel's chart has pixel columns. */
    private static final int CURVE_BUCKETS = 800;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final ObservableValue<? extends Study> study;
    private final TaskExecutor tasks;
    private final Function<Study, Optional<StudyAnalytics>> analytics;
    private final StatusPageViewModel page;
    private final ReadOnlyObjectWrapper<LineageGraph> graph = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Long> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> compareWith = new SimpleObjectProperty<>();
    private final ObservableList<Long> ancestors = FXCollections.observableArrayList();
    private final ObservableList<SideBySide> files = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> available = new ReadOnlyObjectWrapper<>(false);
    /** The nodes chosen to breed from (Ctrl+click or Shift+click on the tree). */
    private final ObservableList<Long> chosen = FXCollections.observableArrayList();
    private final IdeaGenerationViewModel breeding;
    private final ReadOnlyObjectWrapper<List<CurveData>> curves = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper curveMetric = new ReadOnlyStringWrapper("");
    /** A node asked for before the tree was read. */
    private Long pending;
    private StudyFacts facts;
    private Breedable breedable;
    private StudyAnalytics source;
    private long generation;
    private long diffGeneration;
    private long curveGeneration;
    private boolean reading;
    private boolean readAgain;

    public LineageViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status,
                            TaskExecutor tasks, Function<Study, Optional<StudyAnalytics>> analytics,
                            Function<Study, Optional<IdeaInbox>> inboxes) {
        this.study = study;
        this.tasks = tasks;
        this.analytics = analytics;
        page = new StatusPageViewModel("Lineage",
                "The family tree of ideas, layered by epoch and coloured by reward; pick a node to diff it against its parent.",
                study, status, (s, st) -> facts(st));
        breeding = new IdeaGenerationViewModel(tasks, () -> Optional.ofNullable(study.getValue()).flatMap(inboxes),
                Bindings.createBooleanBinding(() -> study.getValue() != null && !study.getValue().readOnly(), study),
                Bindings.createObjectBinding(this::chosenRows, chosen, selected, graph), message::set, this::refresh);
        study.addListener(o -> {
            generation++;
            graph.set(null);
            facts = null;
            breedable = null;
            selected.set(null);
            chosen.clear();
        });
        status.addListener(o -> refresh());
        selected.addListener((o, old, id) -> {
            ancestors.setAll(id == null || graph.get() == null ? List.of() : graph.get().ancestors(id));
            Long parent = id == null || graph.get() == null ? null : graph.get().node(id).map(Node::parent).orElse(null);
            if (java.util.Objects.equals(compareWith.get(), parent)) {
                readDiff();
            } else {
                compareWith.set(parent); // reads the diff
            }
        });
        compareWith.addListener(o -> readDiff());
    }

    /** Reads the tree again in the background, keeping the selected node. */
    public void refresh() {
        Study open = study.getValue();
        Optional<StudyAnalytics> reader = open == null ? Optional.empty() : analytics.apply(open);
        available.set(reader.isPresent());
        if (reader.isEmpty()) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        long asked = generation;
        tasks.submit("Reading the lineage of " + open.name(), progress -> {
            StudyFacts read = reader.get().facts();
            return new Read(read, reader.get().lineage(read), Breedable.of(read));
        }, read -> {
            reading = false;
            if (asked == generation) {
                boolean first = facts == null;
                source = reader.get();
                facts = read.facts();
                breedable = read.breedable();
                Long keep = selected.get();
                graph.set(read.graph());
                if (pending != null) {
                    selected.set(pending); // compares it with its parent
                    pending = null;
                    keep = null;
                }
                if (keep != null) {
                    ancestors.setAll(read.graph().ancestors(keep));
                    if (first) { // a node selected before the tree was read: compare it with its parent now
                        Long parent = read.graph().node(keep).map(Node::parent).orElse(null);
                        if (java.util.Objects.equals(compareWith.get(), parent)) {
                            readDiff();
                        } else {
                            compareWith.set(parent);
                        }
                    }
                }
            }
            if (readAgain) {
                readAgain = false;
                refresh();
            }
        }, failure -> {
            reading = false;
            message.set("The lineage could not be read: " + failure.getMessage());
        });
    }

    private record Read(StudyFacts facts, LineageGraph graph, Breedable breedable) {}

    /**
     * The ideas by id and how many runs each had, indexed with the read: the Breed button asks for the chosen ideas' rows
     * at every selection, and looking them up in ten thousand ideas and twenty thousand runs each time cost the UI thread.
     */
    private record Breedable(Map<Long, Idea> ideas, Map<Long, Integer> runs) {
        static Breedable of(StudyFacts facts) {
            Map<Long, Idea> ideas = new HashMap<>();
            facts.ideas().forEach(idea -> ideas.put(idea.id(), idea));
            Map<Long, Integer> runs = new HashMap<>();
            facts.runs().forEach(run -> {
                if (run.ideaId() != null) {
                    runs.merge(run.ideaId(), 1, Integer::sum);
                }
            });
            return new Breedable(ideas, runs);
        }
    }

    /** The nodes chosen to breed from. */
    public ObservableList<Long> chosen() {
        return chosen;
    }

    /** Breeding from the chosen nodes, with the Ideas page's dialog and rules. */
    public IdeaGenerationViewModel breeding() {
        return breeding;
    }

    /**
     * The chosen ideas as the Ideas page's rows, or the selected idea when none is chosen (a node picked by key or from
     * another page can be bred from at once); the baseline cannot be bred from and is left out.
     */
    private List<IdeaInbox.Row> chosenRows() {
        LineageGraph tree = graph.get();
        if (tree == null || breedable == null) {
            return List.of();
        }
        List<IdeaInbox.Row> rows = new ArrayList<>();
        List<Long> parents = chosen.isEmpty() && selected.get() != null ? List.of(selected.get()) : chosen;
        for (long id : parents) {
            Idea idea = breedable.ideas().get(id);
            if (idea != null) {
                int runs = breedable.runs().getOrDefault(id, 0);
                rows.add(new IdeaInbox.Row(idea, tree.node(id).map(Node::reward).orElse(null), runs, ""));
            }
        }
        return rows;
    }

    /** Selects a node (an idea's id, or {@link LineageGraph#BASELINE}); one not read yet is selected once it is. */
    public void select(long id) {
        if (graph.get() == null) {
            pending = id;
        } else {
            selected.set(id);
        }
    }

    /** Selects the first node, after the selected one, whose label or title holds {@code text}; false when none does. */
    public boolean search(String text) {
        LineageGraph tree = graph.get();
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (tree == null || wanted.isEmpty()) {
            return false;
        }
        List<Node> nodes = List.copyOf(tree.nodes());
        int start = selected.get() == null ? 0 : indexOf(nodes, selected.get()) + 1;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get((start + i) % nodes.size());
            if (node.label().toLowerCase(Locale.ROOT).contains(wanted) || node.title().toLowerCase(Locale.ROOT).contains(wanted)) {
                selected.set(node.id());
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<Node> nodes, long id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads the training curves of the selected idea's counted run and of the node it is compared with (its parent
     * unless another ancestor is picked), thinned in the database, on the study's reward metric.
     */
    private void readCurves() {
        long asked = ++curveGeneration;
        LineageGraph tree = graph.get();
        StudyAnalytics reader = source;
        Long to = selected.get();
        Long from = compareWith.get();
        Node node = tree == null || to == null ? null : tree.node(to).orElse(null);
        Node over = tree == null || from == null ? null : tree.node(from).orElse(null);
        if (node == null || node.runId() == null || reader == null) {
            curves.set(List.of());
            return;
        }
        List<Long> runs = over == null || over.runId() == null ? List.of(node.runId()) : List.of(over.runId(), node.runId());
        tasks.submit("Reading the curves of " + node.label(), progress -> {
            String metric = reader.rewardMetric();
            return new CurveRead(metric, reader.series(runs, metric, CURVE_BUCKETS));
        }, read -> {
            if (asked != curveGeneration) {
                return;
            }
            List<CurveData> shown = new ArrayList<>();
            read.series().forEach((run, buckets) -> {
                boolean reference = over != null && run.equals(over.runId());
                shown.add(CurveData.of(reference ? over.label() : node.label(), run, read.metric(), buckets, reference,
                        false));
            });
            curveMetric.set(read.metric());
            curves.set(List.copyOf(shown));
        }, failure -> message.set("The curves could not be read: " + failure.getMessage()));
    }

    private record CurveRead(String metric, Map<Long, List<Bucket>> series) {}

    /** The selected idea's curve and the one it is compared with (drawn as the reference); empty when it has none. */
    public ReadOnlyObjectProperty<List<CurveData>> curvesProperty() {
        return curves.getReadOnlyProperty();
    }

    /** The metric the curves show. */
    public ReadOnlyStringProperty curveMetricProperty() {
        return curveMetric.getReadOnlyProperty();
    }

    private void readDiff() {
        readCurves();
        long asked = ++diffGeneration;
        files.clear();
        Long to = selected.get();
        Long from = compareWith.get();
        StudyFacts read = facts;
        StudyAnalytics reader = source;
        if (to == null || from == null || read == null || reader == null) {
            diffMessage.set(to != null && from == null ? "The baseline is where every idea starts; pick an idea to see"
                    + " what it changed." : "");
            return;
        }
        diffMessage.set("Reading the code…");
        tasks.submit("Comparing code", progress -> reader.filesBetween(read, from, to).stream()
                .map(change -> SideBySide.of(change.path(), change.before(), change.after())).toList(), changes -> {
            if (asked == diffGeneration) {
                files.setAll(changes);
                diffMessage.set(changes.isEmpty() ? "Its code is the same as " + name(from) + "'s." : "");
            }
        }, failure -> {
            if (asked == diffGeneration) {
                String said = String.valueOf(failure.getMessage());
                // The model's own sentences end with a full stop; a repository's terse errors get one that says what failed.
                diffMessage.set(said.endsWith(".") ? said : "Its code could not be read from the study's repository ("
                        + said + ").");
            }
        });
    }

    /**
     * Runs {@code work} on the task executor, unlisted (one per frame would make the status bar flicker), and what it
     * returns on the UI thread: where the tree's canvas lays out ten thousand nodes, so that the UI thread only swaps
     * the finished layout in.
     */
    public void offThread(java.util.function.Supplier<Runnable> work) {
        try {
            tasks.compute(progress -> work.get(), Runnable::run,
                    failure -> message.set("The lineage could not be laid out: " + failure.getMessage()));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The window is closing and its executor with it: nothing is left to draw on.
        }
    }

    /**
     * Where the diff's syntax highlighting runs: on the task executor like the page's other work, so that a headless
     * snapshot waits for the colours too.
     */
    public java.util.concurrent.Executor highlighting() {
        return job -> {
            try {
                tasks.submit("Colouring the code", progress -> {
                    job.run();
                    return null;
                }, done -> { }, failure -> { });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // The window is closing and its executor with it: the text stays plain.
            }
        };
    }

    public StatusPageViewModel page() {
        return page;
    }

    public ReadOnlyObjectProperty<Boolean> availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LineageGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public ObjectProperty<Long> selectedProperty() {
        return selected;
    }

    /** The node the selected one's code is compared with: its parent unless the researcher picks another ancestor. */
    public ObjectProperty<Long> compareWithProperty() {
        return compareWith;
    }

    /** What the selected node can be compared with: its ancestors, nearest first, then the baseline. */
    public ObservableList<Long> ancestors() {
        return ancestors;
    }

    /** The files that differ between {@link #compareWithProperty()} and the selected node. */
    public ObservableList<SideBySide> files() {
        return files;
    }

    /** Why no files are shown (reading, no code yet, the same code); empty when they are. */
    public ReadOnlyStringProperty diffMessageProperty() {
        return diffMessage.getReadOnlyProperty();
    }

    /**
     * Where the tree's export goes ({@code base}.csv, and {@code base}.png, the view as drawn):
     * the study's {@code exports} folder; empty before a tree is read.
     */
    public Optional<java.nio.file.Path> exportBase() {
        Study open = study.getValue();
        return open == null || graph.get() == null ? Optional.empty()
                : Optional.of(open.dir().resolve("exports").resolve("lineage"));
    }

    /**
     * Writes a row per node of the tree to {@code base}.csv and the view's {@code picture} to {@code base}.png on a
     * worker, then says where they went.
     */
    public void exportTree(java.nio.file.Path base, dev.groundwork.views.common.Picture picture) {
        LineageGraph tree = graph.get();
        java.nio.file.Path dir = base.getParent().getParent(); // the study's folder, whichever is open when it is done
        java.nio.file.Path csv = base.resolveSibling(base.getFileName() + ".csv");
        tasks.submit("Exporting the lineage", progress -> {
            String pictures = picture.writeBeside(base, dir);
            java.nio.file.Path written = dev.groundwork.model.export.ExportFiles.write(csv,
                    out -> dev.groundwork.model.export.AnalyticsTables.lineage(tree, out));
            return "Saved the tree's ideas to " + dir.relativize(written) + " and the view to " + pictures
                    + " in the study folder.";
        }, message::set, failure -> message.set("Could not save the lineage: " + failure.getMessage()));
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Optional<Node> selectedNode() {
        return selected.get() == null || graph.get() == null ? Optional.empty() : graph.get().node(selected.get());
    }

    /** A node's name for lists: "baseline" or its label. */
    public String name(long id) {
        return graph.get() == null ? String.valueOf(id)
                : graph.get().node(id).map(Node::label).orElse("#" + id);
    }

    /** The lines of the side panel about the selected node: reward and what it gained, where it came from, who approved it. */
    public List<String> details() {
        Optional<Node> chosen = selectedNode();
        if (chosen.isEmpty()) {
            return List.of();
        }
        Node node = chosen.get();
        LineageGraph tree = graph.get();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(node.title());
        if (node.reward() != null) {
            Double parentReward = node.parent() == null ? null : tree.node(node.parent()).map(Node::reward).orElse(null);
            Double baseline = tree.node(LineageGraph.BASELINE).map(Node::reward).orElse(null);
            lines.add("Reward " + StatusFormat.decimal(node.reward())
                    + (parentReward == null || node.parent() == null ? "" : "  ·  " + delta(node.reward() - parentReward) + " vs parent")
                    + (baseline == null || node.id() == LineageGraph.BASELINE ? "" : "  ·  " + delta(node.reward() - baseline) + " vs baseline"));
        } else {
            lines.add(switch (node.kind()) {
                case FAILED -> "Its runs failed.";
                case REJECTED -> "Rejected.";
                case UNIMPLEMENTABLE -> "It could not be implemented.";
                default -> "Not scored yet.";
            });
        }
        if (node.epoch() >= 0) {
            lines.add("Epoch " + node.epoch() + (node.parent() == null ? "" : "  ·  bred from " + name(node.parent()))
                    + (node.exemplars().isEmpty() ? "" : " with " + node.exemplars().stream().map(this::name)
                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        List<String> who = new java.util.ArrayList<>();
        if (node.humanSeeded()) {
            who.add("seeded by a person");
        }
        if (node.humanEdited()) {
            who.add("its code edited by a person in review");
        }
        if (!who.isEmpty()) {
            lines.add(String.join("; ", who).substring(0, 1).toUpperCase(Locale.ROOT) + String.join("; ", who).substring(1) + ".");
        }
        if (node.approval() != null) {
            lines.add("Approved by " + node.approval().by()
                    + (node.approval().at() == null ? "" : " on " + WHEN.format(node.approval().at()))
                    + (node.approval().comment().isBlank() ? "" : ": \u201c" + node.approval().comment() + "\u201d"));
        }
        tree.promotion(node.id()).ifPresent(promotion -> lines.add("Promoted to baseline on "
                + WHEN.format(promotion.promotedAt()) + " (epoch " + promotion.epoch() + ")"
                + (promotion.previousReward() == null ? "." : "; the baseline before it had reward "
                        + StatusFormat.decimal(promotion.previousReward()) + ".")));
        if (node.id() == LineageGraph.BASELINE) {
            for (Promotion promotion : tree.promotions()) {
                lines.add("Baseline changed on " + WHEN.format(promotion.promotedAt()) + ": " + name(promotion.ideaId())
                        + " promoted (reward " + StatusFormat.decimal(promotion.ideaReward()) + ").");
            }
        }
        if (tree.bestPath().contains(node.id())) {
            lines.add("On the best path from the baseline.");
        }
        return lines;
    }

    private static String delta(double value) {
        return (value > 0 ? "+" : value < 0 ? "\u2212" : "±") + StatusFormat.decimal(Math.abs(value));
    }

    static List<Fact> facts(StudyStatus status) {
        return List.of(
                new Fact("Ideas", String.valueOf(total(status.ideas())), "each a node of the tree"),
                new Fact("Epoch", String.valueOf(status.epoch()), "the tree's newest layer"));
    }
}
