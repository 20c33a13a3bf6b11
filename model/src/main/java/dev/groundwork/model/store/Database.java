package dev.groundwork.model.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * A study's SQLite database: WAL, foreign keys, a busy timeout, one writer thread that owns the only writing connection,
 * and a small pool of read-only connections (WAL lets readers run beside the writer).
 *
 * <p>Before anything is written the file is inspected read-only: a database from a newer Groundwork or a file that is not a
 * database is refused and left exactly as it was.
 */
public final class Database implements AutoCloseable {

    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int MAX_READERS = 4;

    private final Path file;
    private final String readOnlyReason;
    private final ExecutorService writer;
    private final Thread writerThread;
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(MAX_READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private Connection writeConnection; // touched only on the writer thread
    private int writeDepth;             // nested writes on the writer thread join the outer transaction
    private volatile boolean closed;

    private Database(Path file, String readOnlyReason) {
        this.file = file;
        this.readOnlyReason = readOnlyReason;
        if (readOnlyReason == null) {
            this.writer = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "groundwork-db-writer");
                thread.setDaemon(true);
                return thread;
            });
            try {
                this.writerThread = writer.submit(Thread::currentThread).get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("Could not start the database writer thread.", e);
            }
        } else {
            this.writer = null;
            this.writerThread = null;
        }
    }

    /** Opens (creating and migrating when needed) the database for reading and writing. */
    public static Database openWritable(Path file) throws DatabaseOpenException {
        inspect(file, true);
        Database database = new Database(file, null);
        try {
            database.onWriter(() -> {
                database.writeConnection = connect(file, false);
                Migrations.migrate(database.writeConnection, Migrations.version(database.writeConnection), Migrations.head());
                return null;
            });
        } catch (RuntimeException e) {
            database.close();
            throw new DatabaseOpenException(describe(file) + " could not be prepared: " + rootMessage(e)
                    + ". Nothing was lost; check the disk and the folder's permissions.", e);
        }
        return database;
    }

    /** Opens an existing database that another process is writing; every write is refused with {@code reason}. */
    public static Database openReadOnly(Path file, String reason) throws DatabaseOpenException {
        if (!Files.exists(file)) {
            throw new DatabaseOpenException(describe(file) + " does not exist yet, and the study is open read-only ("
                    + reason + "); open it again when the other Groundwork has closed it.");
        }
        int version = inspect(file, false);
        if (version < Migrations.head()) {
            throw new DatabaseOpenException(describe(file) + " uses an older schema (version " + version
                    + ") and is held by another Groundwork; close that one, then open the study here to upgrade it.");
        }
        return new Database(file, reason);
    }

    /** Reads the schema version without changing anything; refuses newer and damaged files. */
    private static int inspect(Path file, boolean mayCreate) throws DatabaseOpenException {
        if (!Files.exists(file)) {
            if (mayCreate) {
                return 0;
            }
            throw new DatabaseOpenException(describe(file) + " does not exist.");
        }
        int version;
        try (Connection connection = connect(file, true); Statement statement = connection.createStatement()) {
            version = Migrations.version(connection);
            statement.executeQuery("SELECT count(*) FROM sqlite_schema").close();
        } catch (SQLException e) {
            throw new DatabaseOpenException(describe(file) + " is not a readable SQLite database (" + rootMessage(e)
                    + "); Groundwork left it untouched. Restore it from a backup, or move it away to start the study's"
                    + " records afresh.", e);
        }
        if (version > Migrations.head()) {
            throw new DatabaseOpenException(describe(file) + " was written by a newer Groundwork (schema version "
                    + version + "; this one knows up to " + Migrations.head() + "). Upgrade Groundwork to open it; the"
                    + " file was not changed.");
        }
        return version;
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setCacheSize(-64_000); // 64 MB: metric ingestion touches a large clustered index
        }
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    public Path file() {
        return file;
    }

    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    /**
     * Runs {@code work} in a transaction on the writer thread and waits for it. Called on the writer thread (from inside
     * another write) it joins the running transaction. Runtime exceptions of the work (an illegal transition, say) roll
     * the transaction back and are rethrown as they are.
     */
    public <T> T write(SqlWork<T> work) {
        if (readOnlyReason != null) {
            throw new ReadOnlyStudyException(readOnlyReason);
        }
        if (Thread.currentThread() == writerThread) {
            return inTransaction(work);
        }
        return onWriter(() -> inTransaction(work));
    }

    /** Queues {@code work} on the writer thread without waiting; for high-rate streams that batch their own writes. */
    Future<?> writeLater(SqlWork<?> work) {
        if (readOnlyReason != null) {
            throw new ReadOnlyStudyException(readOnlyReason);
        }
        ensureOpen();
        return writer.submit(() -> inTransaction(work));
    }

    private <T> T onWriter(Callable<T> task) {
        ensureOpen();
        return await(writer.submit(task));
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try {
            if (writeDepth++ > 0) {
                return work.run(writeConnection);
            }
            writeConnection.setAutoCommit(false);
            try {
                T result = work.run(writeConnection);
                writeConnection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writeConnection.rollback();
                throw e;
            } finally {
                writeConnection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Writing to " + describe(file) + " failed: " + rootMessage(e) + ".", e);
        } finally {
            writeDepth--;
        }
    }

    /** Runs {@code work} on a read-only connection inside one read transaction (a consistent snapshot). */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection connection = borrowReader();
        try {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Reading " + describe(file) + " failed: " + rootMessage(e) + ".", e);
        } finally {
            idleReaders.offer(connection);
        }
    }

    private Connection borrowReader() {
        Connection connection = idleReaders.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (allReaders) {
            if (allReaders.size() < MAX_READERS) {
                try {
                    Connection created = connect(file, true);
                    allReaders.add(created);
                    return created;
                } catch (SQLException e) {
                    throw new StoreException("Opening " + describe(file) + " for reading failed: " + rootMessage(e) + ".", e);
                }
            }
        }
        try {
            return idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to read " + describe(file) + ".", e);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("The study's database is closed.");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (writer != null) {
            writer.submit(() -> {
                if (writeConnection != null) {
                    writeConnection.close();
                }
                return null;
            });
            writer.shutdown();
            try {
                writer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (allReaders) {
            for (Connection connection : allReaders) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing a read-only connection cannot lose anything
                }
            }
            allReaders.clear();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the database.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException("The database failed: " + rootMessage(e) + ".", e.getCause());
        }
    }

    static String describe(Path file) {
        return file.getFileName() + " in " + (file.toAbsolutePath().getParent());
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").replaceAll("[.\\s]+$", "");
    }
}
