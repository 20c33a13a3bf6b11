package dev.groundwork.model.analytics;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.history.PatchFact;
import dev.groundwork.model.history.RunFact;
import dev.groundwork.model.promotion.Promotion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The family tree of ideas: a node per idea and one for the baseline (id {@value #BASELINE}), each idea's parent edge
 * (the idea its code builds on, else the first it was bred from; the baseline when none) and its other parents as
 * exemplar edges, and the <b>best path</b>: from the best-rewarded idea back to the baseline, stepping each time to the
 * best-rewarded parent.
 */
public final class LineageGraph {

    /** The baseline's node id; ideas' ids start at 1. */
    public static final long BASELINE = 0;

    /** How a node stands, and so how it is drawn. */
    public enum Kind { BASELINE, SCORED, PENDING, FAILED, UNIMPLEMENTABLE, REJECTED }

    /**
     * @param epoch     the idea's epoch; -1 for the baseline
     * @param parent    the parent edge's node (the baseline's id for a root idea); null for the baseline itself
     * @param exemplars the other ideas it was bred from
     * @param runId     the run whose reward counts, or null
     * @param approval  who approved its code and why, or null
     */
    public record Node(long id, int epoch, String label, String title, Kind kind, IdeaOrigin origin, boolean humanEdited,
                       Double reward, Long parent, List<Long> exemplars, Long runId, Approval approval) {
        public Node {
            exemplars = List.copyOf(exemplars);
        }

        public boolean humanSeeded() {
            return origin == IdeaOrigin.HUMAN;
        }
    }

    /** The decision that let an idea's code run. */
    public record Approval(String by, java.time.Instant at, String comment) {}

    private final Map<Long, Node> nodes;
    private final Map<Long, List<Long>> children;
    private final List<Long> bestPath;
    private final Direction direction;
    private final List<Promotion> promotions;

    private LineageGraph(Map<Long, Node> nodes, Map<Long, List<Long>> children, List<Long> bestPath, Direction direction,
                         List<Promotion> promotions) {
        this.nodes = nodes;
        this.children = children;
        this.bestPath = bestPath;
        this.direction = direction;
        this.promotions = promotions;
    }

    public static LineageGraph of(StudyFacts facts, String baselineTitle) {
        return of(facts, baselineTitle, List.of());
    }

    /** The tree, with the ideas whose code was promoted to the baseline ({@code promotions}, oldest first) marked. */
    public static LineageGraph of(StudyFacts facts, String baselineTitle, List<Promotion> promotions) {
        Map<Long, Node> nodes = new java.util.LinkedHashMap<>();
        // The root is the code the first ideas were bred from, so it keeps its score after a promotion.
        Double baseline = facts.originalBaselineRun().map(RunFact::reward).orElse(null);
        nodes.put(BASELINE, new Node(BASELINE, -1, "baseline", baselineTitle, Kind.BASELINE, null, false, baseline, null,
                List.of(), facts.originalBaselineRun().map(RunFact::id).orElse(null), null));
        Set<Long> known = new HashSet<>();
        facts.ideas().forEach(idea -> known.add(idea.id()));
        Map<Long, List<Long>> children = new HashMap<>();
        for (Idea idea : facts.ideas()) {
            Long parent = parentOf(idea, facts);
            long edge = parent == null || !known.contains(parent) ? BASELINE : parent;
            List<Long> exemplars = idea.parents().stream().filter(id -> id != edge && known.contains(id)).toList();
            Optional<PatchFact> code = facts.codePatch(idea.id());
            nodes.put(idea.id(), new Node(idea.id(), idea.epoch(), IdeaLabels.of(idea.id(), idea.title()), idea.title(),
                    kind(idea, facts), idea.origin(), code.map(patch -> patch.author().contains("human")).orElse(false),
                    facts.reward(idea.id()).orElse(null), edge, exemplars,
                    facts.countingRun(idea.id()).map(RunFact::id).orElse(null), approval(code)));
            children.computeIfAbsent(edge, id -> new ArrayList<>()).add(idea.id());
        }
        children.replaceAll((id, list) -> List.copyOf(list));
        return new LineageGraph(Collections.unmodifiableMap(nodes), Map.copyOf(children),
                bestPath(nodes, facts.direction()), facts.direction(),
                promotions.stream().filter(promotion -> nodes.containsKey(promotion.ideaId())).toList());
    }

    /**
     * The idea an idea's parent edge goes to: the one whose patch its code builds on, else the first it was bred from;
     * null when it was bred from none (its parent is the baseline).
     */
    public static Long parentOf(Idea idea, StudyFacts facts) {
        Optional<Long> codeParent = facts.codePatch(idea.id()).map(PatchFact::parentPatchId)
                .flatMap(facts::patch).map(PatchFact::ideaId);
        if (codeParent.isPresent()) {
            return codeParent.get();
        }
        return idea.parents().isEmpty() ? null : idea.parents().getFirst();
    }

    private static Kind kind(Idea idea, StudyFacts facts) {
        if (facts.reward(idea.id()).isPresent()) {
            return Kind.SCORED;
        }
        if (idea.status() == IdeaStatus.REJECTED) {
            return Kind.REJECTED;
        }
        if (idea.status() == IdeaStatus.UNIMPLEMENTABLE) {
            return Kind.UNIMPLEMENTABLE;
        }
        List<RunFact> runs = facts.runsOf(idea.id());
        if (!runs.isEmpty() && runs.stream().allMatch(StudyFacts::failed)) {
            return Kind.FAILED;
        }
        List<PatchFact> patches = facts.patchesOf(idea.id());
        if (!patches.isEmpty() && runs.isEmpty() && PatchStatus.REJECTED.wireName().equals(patches.getLast().status())) {
            return Kind.REJECTED;
        }
        return Kind.PENDING;
    }

    private static Approval approval(Optional<PatchFact> code) {
        return code.filter(patch -> PatchStatus.APPROVED.wireName().equals(patch.status()) && patch.decidedBy() != null)
                .map(patch -> new Approval(patch.decidedBy(),
                        patch.decidedAt() == null ? null : java.time.Instant.ofEpochMilli(patch.decidedAt()),
                        patch.comment() == null ? "" : patch.comment()))
                .orElse(null);
    }

    /** From the best-rewarded idea to the baseline, each step to the best-rewarded parent (the parent edge when none scored). */
    private static List<Long> bestPath(Map<Long, Node> nodes, Direction direction) {
        Node best = null;
        for (Node node : nodes.values()) {
            if (node.kind() == Kind.SCORED && (best == null || direction.better(node.reward(), best.reward()))) {
                best = node;
            }
        }
        if (best == null) {
            return List.of();
        }
        List<Long> path = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Node at = best; at != null && seen.add(at.id()); at = bestParent(at, nodes, direction)) {
            path.add(at.id());
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    private static Node bestParent(Node node, Map<Long, Node> nodes, Direction direction) {
        if (node.parent() == null) {
            return null;
        }
        Node chosen = null;
        List<Long> candidates = new ArrayList<>();
        candidates.add(node.parent());
        candidates.addAll(node.exemplars());
        for (long id : candidates) {
            Node parent = nodes.get(id);
            if (parent != null && parent.id() != BASELINE && parent.reward() != null
                    && (chosen == null || direction.better(parent.reward(), chosen.reward()))) {
                chosen = parent;
            }
        }
        return chosen != null ? chosen : nodes.get(node.parent());
    }

    /** Every node, the baseline first, then the ideas by id. */
    public java.util.Collection<Node> nodes() {
        return nodes.values();
    }

    public Optional<Node> node(long id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public int size() {
        return nodes.size();
    }

    /** The nodes whose parent edge comes from {@code id}, oldest first. */
    public List<Long> children(long id) {
        return children.getOrDefault(id, List.of());
    }

    /** The baseline's promotions whose idea is in the tree, oldest first: the ideas whose code became the baseline. */
    public List<Promotion> promotions() {
        return promotions;
    }

    /** The promotion of a node's code to the baseline, when it was promoted (the latest, if more than once). */
    public Optional<Promotion> promotion(long id) {
        return promotions.reversed().stream().filter(promotion -> promotion.ideaId() == id).findFirst();
    }

    /** The best path, baseline first; empty before any idea is scored. */
    public List<Long> bestPath() {
        return bestPath;
    }

    public Direction direction() {
        return direction;
    }

    /**
     * Every ancestor of a node through parent and exemplar edges, nearest first, ending with the baseline: what its code can
     * be compared against.
     */
    public List<Long> ancestors(long id) {
        Set<Long> found = new LinkedHashSet<>();
        Deque<Long> queue = new ArrayDeque<>();
        Node start = nodes.get(id);
        if (start == null) {
            return List.of();
        }
        enqueueParents(start, queue);
        while (!queue.isEmpty()) {
            long next = queue.poll();
            if (next != BASELINE && found.add(next)) {
                enqueueParents(nodes.get(next), queue);
            }
        }
        List<Long> ancestors = new ArrayList<>(found);
        if (id != BASELINE) {
            ancestors.add(BASELINE);
        }
        return List.copyOf(ancestors);
    }

    private static void enqueueParents(Node node, Deque<Long> queue) {
        if (node == null) {
            return;
        }
        if (node.parent() != null) {
            queue.add(node.parent());
        }
        queue.addAll(node.exemplars());
    }

    /** The chain of parent edges from a node up to the baseline, the node first. */
    public List<Long> parentChain(long id) {
        List<Long> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Node at = nodes.get(id); at != null && seen.add(at.id()); at = at.parent() == null ? null : nodes.get(at.parent())) {
            chain.add(at.id());
        }
        return List.copyOf(chain);
    }
}
