package dev.groundwork.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema as ordered SQL files {@code migrations/V001__*.sql, V002__*.sql…}; {@code PRAGMA user_version} records how
 * many have been applied. Each migration runs in its own transaction together with the version bump.
 */
public final class Migrations {

    /** The migration files, in order; a new one is appended here and as a resource. */
    private static final List<String> FILES = List.of(
            "V001__ideas_patches_runs.sql",
            "V002__llm_calls_and_study_meta.sql",
            "V003__run_slot.sql",
            "V004__reward_counts.sql",
            "V005__applied_diff.sql",
            "V006__run_priority.sql",
            "V007__promotions.sql");

    private Migrations() {}

    /** The schema version this Groundwork writes. */
    public static int head() {
        return FILES.size();
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** Applies the migrations after {@code from} up to {@code to}; the connection must be in auto-commit mode. */
    static void migrate(Connection connection, int from, int to) throws SQLException {
        for (int version = from + 1; version <= to; version++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(FILES.get(version - 1))) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + version);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("Migration " + FILES.get(version - 1) + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Splits a migration file into statements; our files keep one statement per {@code ;}-terminated block, no triggers. */
    static List<String> statements(String file) {
        String text = read(file);
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + file + " is missing from the Groundwork jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
