package dev.groundwork.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a freshly created study's database with a search that looks like a real one, for benchmarks, tests and
 * screenshots of the Analytics and Lineage pages: epochs of ideas bred from good ideas of earlier epochs (tournament
 * selection), rewards that improve down the lineage with noise, some ideas unimplementable or rejected, runs that fail
 * (code, out of memory, timeout) or report no valid reward, repeats that never count, LLM calls with costs, and
 * training curves that decay towards each run's reward. Seeded, plain batched JDBC, minimized reward (a loss).
 *
 * <p>{@link SyntheticStudy} stays as it is: the {@code status} benchmark's figures were measured on its shape.
 */
public final class SyntheticSearch {

    /**
     * @param epochs   epochs to spread the ideas over
     * @param points   metric points in all, split evenly over the runs (half train_loss, half val_loss)
     * @param baseline the baseline's reward
     */
    public record Shape(int ideas, int runs, long points, int epochs, double baseline, long seed) {
        public Shape {
            if (ideas < 1 || runs < 1 || epochs < 1 || points < 0) {
                throw new IllegalArgumentException("A synthetic study needs at least one idea, run and epoch.");
            }
        }

        /** About √ideas / 2 epochs (10,000 ideas: 50 epochs of 200), at least one. */
        public static Shape of(int ideas, int runs, long points) {
            return new Shape(ideas, runs, points, Math.max(1, (int) Math.round(Math.sqrt(ideas) / 2)), 2.4, 42);
        }
    }

    /** What was written, for the command's report. */
    public record Written(int ideas, int runs, long points, int epochs) {}

    private static final String[] TOPICS = {"wider MLP", "context 10", "grad clip", "momentum", "cosine lr", "warmup",
            "dropout", "layer norm", "residual", "weight decay", "label smoothing", "tied embeddings", "gelu",
            "larger batch", "adam betas", "ema weights", "char dropout", "mixup", "longer training", "lr 0.3"};
    private static final String[] FAILURES = {"code", "code", "code", "oom", "timeout"};

    private SyntheticSearch() {}

    public static Written fill(Path database, Shape shape) throws SQLException {
        Random random = new Random(shape.seed());
        long now = System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA cache_size = -64000");
            connection.setAutoCommit(false);
            Lineage lineage = ideas(connection, shape, random, now);
            List<long[]> runs = runs(connection, shape, lineage, random, now);
            points(connection, shape, runs, random);
            statement.execute("INSERT OR REPLACE INTO study_meta (key, value) VALUES ('epoch', '" + (shape.epochs() - 1) + "')");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return new Written(shape.ideas(), runs.size(), shape.points(), shape.epochs());
        }
    }

    /** Each idea's epoch, true quality (the reward its runs scatter around) and whether it has an approved patch. */
    private record Lineage(int[] epoch, double[] quality, boolean[] implemented) {}

    private static Lineage ideas(Connection connection, Shape shape, Random random, long now) throws SQLException {
        int n = shape.ideas();
        int[] epoch = new int[n + 1];
        double[] quality = new double[n + 1];
        boolean[] implemented = new boolean[n + 1];
        try (PreparedStatement idea = connection.prepareStatement("INSERT INTO ideas (id, epoch, origin, title, text, status,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement parent = connection.prepareStatement(
                     "INSERT INTO idea_parents (child, parent, position) VALUES (?, ?, ?)");
             PreparedStatement patch = connection.prepareStatement("INSERT INTO patches (id, idea_id, attempt, diff,"
                     + " base_commit, parent_patch_id, author, status, commit_sha, decided_by, decided_at, decision_comment,"
                     + " created_at, updated_at) VALUES (?, ?, 1, 'synthetic', 'synthetic', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement call = connection.prepareStatement("INSERT INTO llm_calls (role, provider, model, idea_id,"
                     + " epoch, tokens_in, tokens_out, cost_usd, latency_ms, prompt, response, created_at)"
                     + " VALUES (?, 'synthetic', 'synthetic-1', ?, ?, ?, ?, ?, 900, 'synthetic', 'synthetic', ?)")) {
            for (int id = 1; id <= n; id++) {
                int e = (int) ((long) (id - 1) * shape.epochs() / n);
                epoch[id] = e;
                int firstOfEpoch = firstIdOf(e, n, shape.epochs());
                List<Integer> parents = new ArrayList<>();
                double roll = random.nextDouble();
                String origin;
                if (e == 0 || firstOfEpoch <= 1 || roll < 0.25) {
                    origin = roll < 0.05 ? "human" : e == 0 ? "catalog" : "llm-explore";
                    quality[id] = shape.baseline() + 0.02 + random.nextGaussian() * 0.08;
                } else {
                    origin = "llm-exploit";
                    parents.add(tournament(quality, implemented, firstOfEpoch - 1, random));
                    if (random.nextDouble() < 0.35) {
                        int second = tournament(quality, implemented, firstOfEpoch - 1, random);
                        if (second != parents.getFirst()) {
                            parents.add(second);
                        }
                    }
                    // Children of good parents are a little better on average, and sometimes much worse.
                    quality[id] = quality[parents.getFirst()] - 0.012 + random.nextGaussian() * 0.03
                            + (random.nextDouble() < 0.08 ? 0.3 : 0);
                }
                quality[id] = Math.max(0.9, quality[id]);
                double fate = random.nextDouble();
                String status = fate < 0.04 ? "rejected" : fate < 0.11 ? "unimplementable" : "implemented";
                implemented[id] = status.equals("implemented");
                idea.setInt(1, id);
                idea.setInt(2, e);
                idea.setString(3, origin);
                idea.setString(4, title(random, parents.size()));
                idea.setString(5, "[Experiment] synthetic idea " + id + ". [End]");
                idea.setString(6, status);
                idea.setLong(7, now);
                idea.setLong(8, now);
                idea.addBatch();
                for (int position = 0; position < parents.size(); position++) {
                    parent.setInt(1, id);
                    parent.setInt(2, parents.get(position));
                    parent.setInt(3, position);
                    parent.addBatch();
                }
                if (!status.equals("rejected")) {
                    boolean edited = random.nextDouble() < 0.06;
                    patch.setInt(1, id);
                    patch.setInt(2, id);
                    patch.setObject(3, null);
                    patch.setString(4, origin.equals("human") ? "human" : edited ? "llm+human" : "llm:synthetic-1");
                    patch.setString(5, implemented[id] ? "approved" : "apply-failed");
                    patch.setString(6, implemented[id] ? String.format("%040x", id) : null);
                    patch.setString(7, implemented[id] ? (random.nextBoolean() ? "ann" : "ben") : null);
                    patch.setObject(8, implemented[id] ? now : null);
                    patch.setString(9, implemented[id] ? (edited ? "fixed the schedule by hand" : "looks right") : null);
                    patch.setLong(10, now);
                    patch.setLong(11, now);
                    patch.addBatch();
                }
                addCall(call, "ideator", id, e, 0.002 + random.nextDouble() * 0.01, now);
                if (!status.equals("rejected")) {
                    addCall(call, "implementer", id, e, 0.01 + random.nextDouble() * 0.04, now);
                }
            }
            idea.executeBatch();
            parent.executeBatch();
            patch.executeBatch();
            call.executeBatch();
        }
        return new Lineage(epoch, quality, implemented);
    }

    private static void addCall(PreparedStatement call, String role, int idea, int epoch, double usd, long now)
            throws SQLException {
        call.setString(1, role);
        call.setInt(2, idea);
        call.setInt(3, epoch);
        call.setInt(4, 1200);
        call.setInt(5, 400);
        call.setDouble(6, usd);
        call.setLong(7, now);
        call.addBatch();
    }

    /** The smallest id whose epoch, (id - 1) × epochs / ideas, is {@code epoch}. */
    private static int firstIdOf(int epoch, int ideas, int epochs) {
        return (int) (((long) epoch * ideas + epochs - 1) / epochs) + 1;
    }

    /** The best of four implemented ideas drawn from the earlier epochs (the first idea when none is implemented). */
    private static int tournament(double[] quality, boolean[] implemented, int last, Random random) {
        int best = -1;
        for (int draw = 0; draw < 4; draw++) {
            int candidate = 1 + random.nextInt(last);
            if (implemented[candidate] && (best < 0 || quality[candidate] < quality[best])) {
                best = candidate;
            }
        }
        return best < 0 ? 1 : best;
    }

    private static String title(Random random, int parents) {
        String first = TOPICS[random.nextInt(TOPICS.length)];
        if (parents < 2) {
            return first;
        }
        String second = TOPICS[random.nextInt(TOPICS.length)];
        return second.equals(first) ? first : first + " + " + second;
    }

    /**
     * The baseline's run first, then one run per implemented idea (the last epoch's second half still waiting), then
     * repeats of random ideas until {@code runs} are written. Each entry: run id, final value, whether it has points.
     */
    private static List<long[]> runs(Connection connection, Shape shape, Lineage lineage, Random random, long now)
            throws SQLException {
        List<long[]> written = new ArrayList<>();
        List<Integer> ran = new ArrayList<>();
        int lastEpoch = shape.epochs() - 1;
        try (PreparedStatement run = connection.prepareStatement("INSERT INTO runs (id, patch_id, idea_id, epoch, host,"
                + " gpu_ids, status, queued_at, started_at, ended_at, exit_code, failure_class, reward, gpu_seconds,"
                + " reward_counts, log_path) VALUES (?, ?, ?, ?, 'local', '0', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long id = 1;
            insertRun(run, id++, null, 0, "succeeded", null, shape.baseline(), 120, true, now);
            written.add(new long[] {1, Double.doubleToLongBits(shape.baseline())});
            int ideas = shape.ideas();
            for (int idea = 1; idea <= ideas && id <= shape.runs(); idea++) {
                if (!lineage.implemented()[idea]) {
                    continue;
                }
                int epoch = lineage.epoch()[idea];
                if (epoch == lastEpoch && shape.epochs() > 1 && idea > firstIdOf(lastEpoch, ideas, shape.epochs())
                        + (ideas - firstIdOf(lastEpoch, ideas, shape.epochs())) / 2) {
                    continue; // the epoch under way: implemented, not run yet
                }
                double fate = random.nextDouble();
                double seconds = 60 + random.nextDouble() * 540;
                if (fate < 0.09) {
                    String failure = FAILURES[random.nextInt(FAILURES.length)];
                    insertRun(run, id, idea, epoch, failure.equals("timeout") ? "timed-out" : "failed", failure, null,
                            seconds, false, now);
                } else if (fate < 0.11) {
                    insertRun(run, id, idea, epoch, "failed", "reward-invalid", null, seconds, false, now);
                } else {
                    double reward = lineage.quality()[idea] + random.nextGaussian() * 0.01;
                    insertRun(run, id, idea, epoch, "succeeded", null, reward, seconds, true, now);
                    written.add(new long[] {id, Double.doubleToLongBits(reward)});
                    ran.add(idea);
                    id++;
                    continue;
                }
                written.add(new long[] {id, Double.doubleToLongBits(lineage.quality()[idea] + 0.5)});
                id++;
            }
            while (id <= shape.runs() && !ran.isEmpty()) {
                int idea = ran.get(random.nextInt(ran.size()));
                double reward = lineage.quality()[idea] + random.nextGaussian() * 0.01;
                insertRun(run, id, idea, lineage.epoch()[idea], "succeeded", null, reward, 60 + random.nextDouble() * 540,
                        false, now);
                written.add(new long[] {id, Double.doubleToLongBits(reward)});
                id++;
            }
            run.executeBatch();
        }
        return written;
    }

    private static void insertRun(PreparedStatement run, long id, Integer idea, int epoch, String status, String failure,
                                  Double reward, double gpuSeconds, boolean counts, long now) throws SQLException {
        run.setLong(1, id);
        run.setObject(2, idea);
        run.setObject(3, idea);
        run.setInt(4, epoch);
        run.setString(5, status);
        run.setLong(6, now);
        run.setLong(7, now);
        run.setLong(8, now + (long) (gpuSeconds * 1000));
        run.setInt(9, status.equals("succeeded") ? 0 : 1);
        run.setString(10, failure);
        run.setObject(11, reward);
        run.setDouble(12, gpuSeconds);
        run.setInt(13, counts ? 1 : 0);
        run.setString(14, "runs/" + id + "/log.txt");
        run.addBatch();
    }

    /** Curves that decay from about 4.2 to each run's final value, train loss a little lower and noisier. */
    private static void points(Connection connection, Shape shape, List<long[]> runs, Random random) throws SQLException {
        Statement statement = connection.createStatement();
        statement.execute("INSERT OR IGNORE INTO metric_names (name) VALUES ('train_loss'), ('val_loss')");
        long train;
        long val;
        try (var rows = statement.executeQuery("SELECT id FROM metric_names WHERE name = 'train_loss'")) {
            rows.next();
            train = rows.getLong(1);
        }
        try (var rows = statement.executeQuery("SELECT id FROM metric_names WHERE name = 'val_loss'")) {
            rows.next();
            val = rows.getLong(1);
        }
        statement.close();
        long perRun = Math.max(2, shape.points() / runs.size()) / 2;
        if (shape.points() == 0) {
            return;
        }
        try (PreparedStatement point = connection.prepareStatement(
                "INSERT INTO metric_points (run_id, name_id, step, value, wall_time) VALUES (?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (long[] run : runs) {
                double last = Double.longBitsToDouble(run[1]);
                double tau = perRun / (3.0 + random.nextDouble() * 2);
                for (long step = 0; step < perRun; step++) {
                    double decay = Math.exp(-step / tau);
                    double v = last + (4.2 - last) * decay + random.nextGaussian() * 0.01 * (0.3 + decay);
                    double t = last - 0.05 + (4.2 - last) * decay + random.nextGaussian() * 0.04 * (0.3 + decay);
                    batched += add(point, run[0], val, step, v);
                    batched += add(point, run[0], train, step, t);
                    if (batched >= 10_000) {
                        point.executeBatch();
                        batched = 0;
                    }
                }
            }
            point.executeBatch();
        }
    }

    private static int add(PreparedStatement point, long run, long name, long step, double value) throws SQLException {
        point.setLong(1, run);
        point.setLong(2, name);
        point.setLong(3, step);
        point.setDouble(4, value);
        point.setDouble(5, step * 0.05);
        point.addBatch();
        return 1;
    }
}
