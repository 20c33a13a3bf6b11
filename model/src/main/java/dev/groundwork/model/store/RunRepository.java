package dev.groundwork.model.store;

import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs through their life: queued, started on a slot, running, and finished with an exit code, a failure class and a reward. */
public final class RunRepository {

    private static final String COLUMNS = "id, patch_id, idea_id, epoch, host, gpu_ids, handle, status, queued_at, started_at,"
            + " ended_at, exit_code, failure_class, reward, log_path, command, env_names, seed, image_digest, gpu_model, slot,"
            + " reward_counts";

    private final Database database;
    private final Clock clock;

    public RunRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Run queue(NewRun run) {
        return database.write(connection -> {
            Reproducibility repro = run.reproducibility();
            Rows.update(connection, "INSERT INTO runs (patch_id, idea_id, epoch, status, queued_at, command, env_names, seed,"
                            + " image_digest, gpu_model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    run.patchId(), run.ideaId(), run.epoch(), RunStatus.QUEUED.wireName(), clock.millis(),
                    JsonLists.write(repro.command()), JsonLists.write(repro.envNames()), repro.seed(), repro.imageDigest(),
                    repro.gpuModel());
            return get(connection, Rows.lastId(connection));
        });
    }

    public Optional<Run> find(long id) {
        return database.read(connection -> find(connection, id));
    }

    public Run get(long id) {
        return find(id).orElseThrow(() -> missing(id));
    }

    public List<Run> all() {
        return database.read(connection -> query(connection, "SELECT " + COLUMNS + " FROM runs ORDER BY id"));
    }

    public List<Run> withStatus(RunStatus status) {
        return database.read(connection -> query(connection,
                "SELECT " + COLUMNS + " FROM runs WHERE status = ? ORDER BY id", status.wireName()));
    }

    public List<Run> forIdea(long ideaId) {
        return database.read(connection -> query(connection,
                "SELECT " + COLUMNS + " FROM runs WHERE idea_id = ? ORDER BY id", ideaId));
    }

    /** The best reward each idea's counting runs earned (min or max by the goal; repeats left out), by idea id. */
    public Map<Long, Double> bestRewardsByIdea(boolean higherIsBetter) {
        return database.read(connection -> {
            Map<Long, Double> best = new HashMap<>();
            for (var row : Rows.list(connection, BEST_REWARD_BY_IDEA.formatted(higherIsBetter ? "max" : "min"),
                    rows -> Map.entry(rows.getLong(1), rows.getDouble(2)))) {
                best.put(row.getKey(), row.getValue());
            }
            return best;
        });
    }

    /** Reads the partial index {@code runs_counting_by_idea} only; {@code %s} is {@code min} or {@code max}. */
    static final String BEST_REWARD_BY_IDEA = "SELECT idea_id, %s(reward) FROM runs"
            + " WHERE reward_counts = 1 AND idea_id IS NOT NULL AND reward IS NOT NULL GROUP BY idea_id";

    /** The reward of the first successful baseline run, if there is one (later ones are repeats). */
    public Optional<Double> baselineReward() {
        return database.read(connection -> Rows.list(connection, BASELINE_REWARD, rows -> rows.getDouble(1))
                .stream().findFirst());
    }

    static final String BASELINE_REWARD = "SELECT reward FROM runs WHERE patch_id IS NULL AND idea_id IS NULL"
            + " AND reward_counts = 1 AND reward IS NOT NULL AND id > " + PromotionRepository.CURRENT_BASELINE_AFTER;

    /** Every run of a patch, oldest first. */
    public List<Run> forPatch(long patchId) {
        return database.read(connection -> query(connection,
                "SELECT " + COLUMNS + " FROM runs WHERE patch_id = ? ORDER BY id", patchId));
    }

    /** The runs of ideas of one epoch (baseline runs left out), oldest first. */
    public List<Run> inEpoch(int epoch) {
        return database.read(connection -> query(connection,
                "SELECT " + COLUMNS + " FROM runs WHERE epoch = ? AND patch_id IS NOT NULL ORDER BY id", epoch));
    }

    /** Runs of the current baseline (no patch; since its last promotion), oldest first. */
    public List<Run> baselineRuns() {
        return database.read(connection -> query(connection, "SELECT " + COLUMNS + " FROM runs WHERE patch_id IS NULL"
                + " AND idea_id IS NULL AND id > " + PromotionRepository.CURRENT_BASELINE_AFTER + " ORDER BY id"));
    }

    /** The order a queued run starts in among the others: higher first. */
    public int priority(long id) {
        return database.read(connection -> Rows.list(connection, "SELECT priority FROM runs WHERE id = ?",
                rows -> rows.getInt(1), id)).stream().findFirst().orElseThrow(() -> missing(id));
    }

    public void setPriority(long id, int priority) {
        database.write(connection -> Rows.update(connection, "UPDATE runs SET priority = ? WHERE id = ?", priority, id));
    }

    /** Runs that hold a slot now (starting or running), for re-attaching after a restart. */
    public List<Run> active() {
        return database.read(connection -> query(connection, "SELECT " + COLUMNS + " FROM runs WHERE status IN (?, ?) ORDER BY id",
                RunStatus.STARTING.wireName(), RunStatus.RUNNING.wireName()));
    }

    /** The scheduler gave the run a slot: host, GPU ids and where its log goes. */
    public Run markStarting(long id, String host, List<Integer> gpuIds, String logPath) {
        return markStarting(id, host, null, gpuIds, logPath);
    }

    /** As above, with the index of the host's slot it went to. */
    public Run markStarting(long id, String host, Integer slot, List<Integer> gpuIds, String logPath) {
        return move(id, RunStatus.STARTING, "host = ?, slot = ?, gpu_ids = ?, log_path = ?",
                host, slot, gpuIds.stream().map(String::valueOf).collect(Collectors.joining(",")), logPath);
    }

    /** The process or container exists: its handle (pid or container id) and the start time. */
    public Run markRunning(long id, String handle, Reproducibility reproducibility) {
        return move(id, RunStatus.RUNNING, "handle = ?, started_at = ?, command = ?, env_names = ?, seed = ?, image_digest = ?,"
                        + " gpu_model = ?",
                handle, clock.millis(), JsonLists.write(reproducibility.command()),
                JsonLists.write(reproducibility.envNames()), reproducibility.seed(), reproducibility.imageDigest(),
                reproducibility.gpuModel());
    }

    /**
     * The run ended. GPU-seconds are charged from its start to now for each of its GPUs; a run that never started
     * costs nothing.
     */
    public Run finish(long id, RunStatus outcome, Integer exitCode, FailureClass failureClass, Double reward) {
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException("A run finishes as succeeded, failed, timed-out, cancelled or lost, not "
                    + outcome.wireName() + ".");
        }
        long now = clock.millis();
        return move(id, outcome, "ended_at = ?, exit_code = ?, failure_class = ?, reward = ?,"
                        + " gpu_seconds = CASE WHEN started_at IS NULL OR gpu_ids = '' THEN 0"
                        + " ELSE (? - started_at) / 1000.0 * (length(gpu_ids) - length(replace(gpu_ids, ',', '')) + 1) END,"
                        + " reward_counts = " + (outcome == RunStatus.SUCCEEDED ? FIRST_SUCCESS : "0"),
                now, exitCode, failureClass == null ? null : failureClass.wireName(), reward, now);
    }

    /**
     * Whether the run being finished (the {@code runs} row of the UPDATE) is its patch's first success, or the
     * baseline's: no run of the same code counts yet (for the baseline, none since its last promotion). Looked up
     * through {@code runs_by_patch}, once per finished run.
     */
    static final String FIRST_SUCCESS = "NOT EXISTS (SELECT 1 FROM runs e WHERE e.reward_counts = 1"
            + " AND e.patch_id IS runs.patch_id AND (runs.patch_id IS NOT NULL OR (e.idea_id IS NULL AND runs.idea_id IS NULL"
            + " AND e.id > " + PromotionRepository.CURRENT_BASELINE_AFTER + ")))";

    private Run move(long id, RunStatus target, String assignments, Object... values) {
        return database.write(connection -> {
            Run run = get(connection, id);
            run.status().requireMoveTo(target, "Run " + id);
            Object[] arguments = new Object[values.length + 2];
            arguments[0] = target.wireName();
            System.arraycopy(values, 0, arguments, 1, values.length);
            arguments[arguments.length - 1] = id;
            Rows.update(connection, "UPDATE runs SET status = ?, " + assignments + " WHERE id = ?", arguments);
            return get(connection, id);
        });
    }

    private static Optional<Run> find(Connection connection, long id) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM runs WHERE id = ?", id).stream().findFirst();
    }

    static Run get(Connection connection, long id) throws SQLException {
        return find(connection, id).orElseThrow(() -> missing(id));
    }

    private static NoSuchElementException missing(long id) {
        return new NoSuchElementException("There is no run " + id + " in this study.");
    }

    private static List<Run> query(Connection connection, String sql, Object... arguments) throws SQLException {
        return List.copyOf(Rows.list(connection, sql, RunRepository::map, arguments));
    }

    private static Run map(ResultSet rows) throws SQLException {
        String failure = rows.getString("failure_class");
        return new Run(rows.getLong("id"), Rows.nullableLong(rows, "patch_id"), Rows.nullableLong(rows, "idea_id"),
                rows.getInt("epoch"), rows.getString("host"), gpuIds(rows.getString("gpu_ids")), rows.getString("handle"),
                RunStatus.fromWire(rows.getString("status")), Rows.instant(rows, "queued_at"),
                Rows.instant(rows, "started_at"), Rows.instant(rows, "ended_at"), Rows.nullableInt(rows, "exit_code"),
                failure == null ? null : FailureClass.fromWire(failure), Rows.nullableDouble(rows, "reward"),
                rows.getString("log_path"),
                new Reproducibility(JsonLists.read(rows.getString("command")), JsonLists.read(rows.getString("env_names")),
                        Rows.nullableLong(rows, "seed"), rows.getString("image_digest"), rows.getString("gpu_model")),
                Rows.nullableInt(rows, "slot"), rows.getInt("reward_counts") == 1);
    }

    private static List<Integer> gpuIds(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }
}
