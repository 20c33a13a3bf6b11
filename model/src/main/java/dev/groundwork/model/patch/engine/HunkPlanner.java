package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Places all of a file's hunks at once. Placing them one at a time, each at its closest fit, sends a hunk whose line
 * number is off to a look-alike block (repeated overloads, boilerplate); that block then sits past the next hunk,
 * which fails, or, worse, the patch applies in the wrong place. So each hunk's candidate positions are gathered first,
 * and the plan is the in-order, non-overlapping choice that places the most hunks at the lowest total cost, a
 * candidate's cost being its tier (see {@link HunkMatcher#tier}) and then its distance from where it was expected.
 *
 * <p>A numbered hunk is expected at its stated line, at that line less the lines earlier hunks added (models often
 * number lines in the patched file), and at that line moved by the previous hunk's offset (the file drifted from what
 * the model saw); candidates lie within the window around one of those. A hunk without line numbers is expected right
 * after the previous one.
 */
final class HunkPlanner {

    private static final int MOST_CANDIDATES = 16;
    private static final long TIER_COST = 1L << 32;
    private static final long UNPLACED_COST = 1L << 48;
    private static final long IMPOSSIBLE = Long.MAX_VALUE;

    private record Candidate(int start, int tier) {}

    private final TextLines file;
    private final HunkMatcher matcher;
    private final int window;

    HunkPlanner(TextLines file, HunkMatcher matcher, int window) {
        this.file = file;
        this.matcher = matcher;
        this.window = window;
    }

    /**
     * Each hunk's placement, or null for a hunk that has none. Most diffs are right about where their hunks go, so a
     * first plan only considers each hunk's exact fit at its stated line when it has one; only when that plan leaves a
     * hunk out are all hunks' windows searched (a look-alike block at a wrong stated line may then lose to the real
     * one).
     */
    List<HunkMatcher.Placement> plan(List<OldSide> hunks) {
        List<HunkMatcher.Placement> quick = plan(hunks, true);
        return quick.contains(null) ? plan(hunks, false) : quick;
    }

    private List<HunkMatcher.Placement> plan(List<OldSide> hunks, boolean trustStatedLines) {
        List<List<Candidate>> candidates = new ArrayList<>();
        int[] growth = new int[hunks.size()];
        Integer carry = null;
        int after = 0;
        for (int i = 0; i < hunks.size(); i++) {
            OldSide old = hunks.get(i);
            Optional<List<Candidate>> quick = trustStatedLines ? exactAtStatedLine(old) : Optional.empty();
            List<Candidate> found = quick.isPresent() ? quick.get() : candidates(old, growth[i], carry, after);
            candidates.add(found);
            if (i + 1 < hunks.size()) {
                growth[i + 1] = growth[i] + old.hunk().newCount() - old.hunk().oldCount();
            }
            Integer stated = old.hunk().statedLine();
            if (!found.isEmpty() && stated != null) {
                carry = found.getFirst().start() - (stated - 1);
            }
            if (!found.isEmpty()) {
                after = found.getFirst().start() + old.coreEnd();
            }
        }
        return choose(hunks, candidates, growth);
    }

    private Optional<List<Candidate>> exactAtStatedLine(OldSide old) {
        Integer stated = old.hunk().statedLine();
        return stated != null && old.size() > 0 && matcher.tier(old, stated - 1) == 0
                ? Optional.of(List.of(new Candidate(stated - 1, 0))) : Optional.empty();
    }

    /**
     * The best candidates, best first, by tier and then distance from the nearest expected line; for a hunk without
     * line numbers, from the end of the previous hunk's best candidate ({@code after}), earlier positions last.
     */
    private List<Candidate> candidates(OldSide old, int growth, Integer carry, int after) {
        Integer stated = old.hunk().statedLine();
        if (old.size() == 0) { // a pure insertion has nothing to match: it goes where its header says
            int start = stated == null ? 0 : stated - 1;
            boolean nowhere = stated == null && file.size() > 0 || start > file.size();
            return nowhere ? List.of() : List.of(new Candidate(start, 0));
        }
        int[] centers = stated == null ? new int[0] : centers(stated, growth, carry);
        List<Candidate> found = new ArrayList<>();
        boolean[] seen = new boolean[file.size() + old.size() + 1];
        for (int[] range : ranges(old, centers)) {
            for (int start = range[0]; start <= range[1]; start++) {
                if (!seen[start + old.size()]) {
                    seen[start + old.size()] = true;
                    int tier = matcher.tier(old, start);
                    if (tier >= 0) {
                        found.add(new Candidate(start, tier));
                    }
                }
            }
        }
        Comparator<Candidate> byDistance = Comparator.comparingLong(c -> stated == null
                ? (c.start() >= after ? c.start() - after : file.size() + after - c.start())
                : distance(c.start(), centers));
        found.sort(Comparator.comparingInt(Candidate::tier).thenComparing(byDistance));
        return found.size() > MOST_CANDIDATES ? List.copyOf(found.subList(0, MOST_CANDIDATES)) : found;
    }

    private static int[] centers(int stated, int growth, Integer carry) {
        int[] centers = {stated - 1, stated - 1 - growth, stated - 1 + (carry == null ? 0 : carry)};
        return Arrays.stream(centers).distinct().toArray();
    }

    /** Start positions to try: the windows around the centers, or the whole file for a hunk without line numbers. */
    private List<int[]> ranges(OldSide old, int[] centers) {
        int lowest = -old.size();
        if (centers.length == 0) {
            return List.<int[]>of(new int[] {lowest, file.size()});
        }
        List<int[]> ranges = new ArrayList<>();
        for (int center : centers) {
            int from = Math.max(lowest, center - window);
            int to = Math.min(file.size(), center + window);
            if (from <= to) {
                ranges.add(new int[] {from, to});
            }
        }
        return ranges;
    }

    /** Dynamic programming over hunks in order: the cheapest plan ending at each candidate, then the cheapest plan. */
    private List<HunkMatcher.Placement> choose(List<OldSide> hunks, List<List<Candidate>> candidates, int[] growth) {
        int count = hunks.size();
        long[][] cost = new long[count][];
        int[][] fromHunk = new int[count][];
        int[][] fromCandidate = new int[count][];
        long bestTotal = count * UNPLACED_COST;
        int bestHunk = -1;
        int bestCandidate = -1;
        for (int i = 0; i < count; i++) {
            List<Candidate> mine = candidates.get(i);
            cost[i] = new long[mine.size()];
            fromHunk[i] = new int[mine.size()];
            fromCandidate[i] = new int[mine.size()];
            for (int c = 0; c < mine.size(); c++) {
                Candidate candidate = mine.get(c);
                long alone = step(hunks.get(i), growth[i], candidate, null, null);
                cost[i][c] = alone == IMPOSSIBLE ? IMPOSSIBLE : i * UNPLACED_COST + alone;
                fromHunk[i][c] = -1;
                // From j - 1 down: a plan that skips the hunks between costs at least UNPLACED_COST for each, so once
                // the best so far is cheaper than that, no earlier hunk can lead to a cheaper plan.
                for (int j = i - 1; j >= 0 && cost[i][c] >= (i - j - 1) * UNPLACED_COST; j--) {
                    for (int p = 0; p < candidates.get(j).size(); p++) {
                        if (cost[j][p] == IMPOSSIBLE) {
                            continue;
                        }
                        long step = step(hunks.get(i), growth[i], candidate, hunks.get(j), candidates.get(j).get(p));
                        long total = step == IMPOSSIBLE ? IMPOSSIBLE : cost[j][p] + (i - j - 1) * UNPLACED_COST + step;
                        if (total < cost[i][c]) {
                            cost[i][c] = total;
                            fromHunk[i][c] = j;
                            fromCandidate[i][c] = p;
                        }
                    }
                }
                long total = cost[i][c] == IMPOSSIBLE ? IMPOSSIBLE : cost[i][c] + (count - 1 - i) * UNPLACED_COST;
                if (total < bestTotal) {
                    bestTotal = total;
                    bestHunk = i;
                    bestCandidate = c;
                }
            }
        }
        HunkMatcher.Placement[] plan = new HunkMatcher.Placement[count];
        for (int i = bestHunk, c = bestCandidate; i >= 0; ) {
            Candidate chosen = candidates.get(i).get(c);
            plan[i] = matcher.placement(hunks.get(i), chosen.start(), chosen.tier());
            int previous = fromHunk[i][c];
            c = previous < 0 ? -1 : fromCandidate[i][c];
            i = previous;
        }
        return Arrays.asList(plan);
    }

    /**
     * What placing {@code candidate} right after {@code before} (the previous placed hunk, or none) costs; impossible
     * when the two would overlap or the candidate is outside every window its hunk may be looked for in.
     */
    private long step(OldSide old, int growth, Candidate candidate, OldSide previous, Candidate before) {
        int previousEnd = before == null ? 0 : before.start() + previous.coreEnd();
        if (candidate.start() + old.lead() < previousEnd) {
            return IMPOSSIBLE;
        }
        Integer stated = old.hunk().statedLine();
        long distance;
        if (stated == null || old.size() == 0) {
            distance = stated == null ? Math.abs(candidate.start() - previousEnd) : 0;
        } else {
            Integer previousStated = previous == null ? null : previous.hunk().statedLine();
            Integer carry = previousStated == null ? null : before.start() - (previousStated - 1);
            int offset = candidate.start() - (stated - 1);
            distance = Math.min(Math.abs(offset), Math.abs(offset + growth));
            if (carry != null) {
                distance = Math.min(distance, Math.abs(offset - carry));
            }
            if (distance > window) {
                return IMPOSSIBLE;
            }
        }
        return candidate.tier() * TIER_COST + distance;
    }

    private static int distance(int start, int[] centers) {
        int distance = Integer.MAX_VALUE;
        for (int center : centers) {
            distance = Math.min(distance, Math.abs(start - center));
        }
        return distance;
    }
}
