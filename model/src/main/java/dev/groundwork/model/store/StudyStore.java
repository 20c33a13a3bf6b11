package dev.groundwork.model.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** A study's database and the repositories over it; one per open study. */
public final class StudyStore implements AutoCloseable {

    private final Database database;
    private final IdeaRepository ideas;
    private final PatchRepository patches;
    private final RunRepository runs;
    private final MetricStore metrics;
    private final LlmCallRepository llmCalls;
    private final LedgerRepository ledger;
    private final StatusRepository status;
    private final MetaRepository meta;
    private final PromotionRepository promotions;
    private final AnalyticsRepository analytics;

    public StudyStore(Database database, Clock clock) {
        this.database = database;
        this.ideas = new IdeaRepository(database, clock);
        this.patches = new PatchRepository(database, clock);
        this.runs = new RunRepository(database, clock);
        this.metrics = new MetricStore(database);
        this.llmCalls = new LlmCallRepository(database, clock);
        this.ledger = new LedgerRepository(database);
        this.status = new StatusRepository(database);
        this.meta = new MetaRepository(database);
        this.promotions = new PromotionRepository(database, clock);
        this.analytics = new AnalyticsRepository(database);
    }

    public static StudyStore openWritable(Path file, Clock clock) throws DatabaseOpenException {
        return new StudyStore(Database.openWritable(file), clock);
    }

    public static StudyStore openReadOnly(Path file, String reason, Clock clock) throws DatabaseOpenException {
        return new StudyStore(Database.openReadOnly(file, reason), clock);
    }

    public IdeaRepository ideas() {
        return ideas;
    }

    public PatchRepository patches() {
        return patches;
    }

    public RunRepository runs() {
        return runs;
    }

    public MetricStore metrics() {
        return metrics;
    }

    public LlmCallRepository llmCalls() {
        return llmCalls;
    }

    public LedgerRepository ledger() {
        return ledger;
    }

    public StatusRepository status() {
        return status;
    }

    public MetaRepository meta() {
        return meta;
    }

    public PromotionRepository promotions() {
        return promotions;
    }

    /** Bulk reads for the Analytics and Lineage pages. */
    public AnalyticsRepository analytics() {
        return analytics;
    }

    public Optional<String> readOnlyReason() {
        return database.readOnlyReason();
    }

    public Path file() {
        return database.file();
    }

    /** Flushes the metrics and closes the database; closing a closed store does nothing, as {@code Closeable} says. */
    @Override
    public void close() {
        if (database.isClosed()) {
            return;
        }
        if (database.readOnlyReason().isEmpty()) {
            metrics.flush();
        }
        database.close();
    }
}
