package dev.groundwork.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void emptyFileMigratesToHeadWithEveryTable() throws Exception {
        Path file = dir.resolve("groundwork.db");
        try (Database database = Database.openWritable(file)) {
            int version = database.read(Migrations::version);
            List<String> tables = database.read(MigrationsTest::tables);
            String journal = database.read(connection -> pragma(connection, "journal_mode"));
            assertThat(version).isEqualTo(Migrations.head());
            assertThat(tables).contains(
                    "ideas", "idea_parents", "patches", "runs", "metric_names", "metric_points", "llm_calls", "study_meta");
            assertThat(journal).isEqualTo("wal");
        }
        // Opening again is a no-op migration.
        try (Database database = Database.openWritable(file)) {
            int version = database.read(Migrations::version);
            assertThat(version).isEqualTo(Migrations.head());
        }
    }

    @Test
    void writeConnectionEnforcesForeignKeys() throws Exception {
        try (Database database = Database.openWritable(dir.resolve("groundwork.db"))) {
            assertThatThrownBy(() -> database.write(connection -> Rows.update(connection,
                    "INSERT INTO idea_parents (child, parent, position) VALUES (1, 2, 0)")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void databaseFromANewerGroundworkIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("groundwork.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE future (x)");
            statement.execute("PRAGMA user_version = " + (Migrations.head() + 5));
        }
        String before = sha256(file);

        assertThatThrownBy(() -> Database.openWritable(file))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessage("groundwork.db in " + dir + " was written by a newer Groundwork (schema version "
                        + (Migrations.head() + 5) + "; this one knows up to " + Migrations.head()
                        + "). Upgrade Groundwork to open it; the file was not changed.");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("groundwork.db");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("groundwork.db");
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Database.openWritable(file))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessageStartingWith("groundwork.db in " + dir + " is not a readable SQLite database (")
                .hasMessageEndingWith("Groundwork left it untouched. Restore it from a backup, or move it away to start"
                        + " the study's records afresh.");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void eachMigrationRunsFromItsPredecessorWithDataKept() throws Exception {
        Path file = dir.resolve("groundwork.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            for (int version = 1; version <= Migrations.head(); version++) {
                Migrations.migrate(connection, version - 1, version);
                assertThat(Migrations.version(connection)).isEqualTo(version);
                insertFixture(statement, version);
                assertThat(rows(statement, "PRAGMA foreign_key_check")).isEmpty();
                assertThat(rows(statement, "PRAGMA integrity_check")).containsExactly("ok");
            }
            // Everything written at every version is still there at head.
            assertThat(rows(statement, "SELECT title FROM ideas ORDER BY id")).containsExactly("v1 idea", "v2 idea");
            assertThat(rows(statement, "SELECT count(*) FROM metric_points")).containsExactly("3");
            assertThat(rows(statement, "SELECT prompt_call_id FROM ideas WHERE title = 'v2 idea'")).containsExactly("1");
            assertThat(rows(statement, "SELECT slot FROM runs ORDER BY id")).containsExactly(null, "1", null, null, null, null);
            assertThat(rows(statement, "SELECT reward_counts FROM runs ORDER BY id"))
                    .as("the first success of patch 1 and of the baseline count; repeats do not")
                    .containsExactly("1", "0", "0", "1", "0", "0");
            assertThat(rows(statement, "SELECT diff || ' ' || applied_diff FROM patches")).containsExactly("diff clean");
            assertThat(rows(statement, "SELECT priority FROM runs ORDER BY id")).containsExactly("0", "1", "0", "0", "0", "0");
            assertThat(rows(statement, "SELECT idea_id || ' ' || to_commit || ' ' || after_run FROM promotions"))
                    .containsExactly("1 b 6");
        }
    }

    /** Rows a Groundwork of each schema version could have written. */
    private static void insertFixture(Statement statement, int version) throws SQLException {
        switch (version) {
            case 1 -> {
                statement.execute("INSERT INTO ideas (epoch, origin, title, text, status, created_at, updated_at)"
                        + " VALUES (0, 'human', 'v1 idea', 'text', 'implemented', 1, 1)");
                statement.execute("INSERT INTO patches (idea_id, attempt, diff, author, status, created_at, updated_at)"
                        + " VALUES (1, 1, 'diff', 'human', 'approved', 1, 1)");
                statement.execute("INSERT INTO runs (patch_id, idea_id, epoch, status, queued_at, reward)"
                        + " VALUES (1, 1, 0, 'succeeded', 1, 2.5)");
                statement.execute("INSERT INTO metric_names (name) VALUES ('val_loss')");
                statement.execute("INSERT INTO metric_points VALUES (1, 1, 0, 3.0, 0.1), (1, 1, 10, 2.7, 0.2),"
                        + " (1, 1, 20, 2.5, 0.3)");
            }
            case 2 -> {
                statement.execute("INSERT INTO llm_calls (role, provider, model, prompt, response, created_at)"
                        + " VALUES ('ideator', 'openai', 'gpt', 'p', 'r', 2)");
                statement.execute("INSERT INTO ideas (epoch, origin, title, text, status, created_at, updated_at,"
                        + " prompt_call_id) VALUES (1, 'llm-explore', 'v2 idea', 'text', 'proposed', 2, 2, 1)");
                statement.execute("INSERT INTO idea_parents VALUES (2, 1, 0)");
                statement.execute("INSERT INTO study_meta VALUES ('epoch', '1')");
            }
            case 3 -> {
                statement.execute("INSERT INTO runs (patch_id, idea_id, epoch, status, queued_at, host, slot)"
                        + " VALUES (1, 1, 0, 'running', 3, 'local', 1)");
                // A repeat of patch 1 and two baseline runs: V004 must tell which reward counts from these alone.
                statement.execute("INSERT INTO runs (patch_id, idea_id, epoch, status, queued_at, reward)"
                        + " VALUES (1, 1, 0, 'succeeded', 3, 2.1), (NULL, NULL, 0, 'succeeded', 3, 3.0),"
                        + " (NULL, NULL, 0, 'succeeded', 3, 2.9)");
            }
            case 5 -> statement.execute("UPDATE patches SET applied_diff = 'clean' WHERE id = 1");
            case 6 -> statement.execute("UPDATE runs SET priority = 1 WHERE id = 2");
            case 7 -> statement.execute("INSERT INTO promotions (idea_id, patch_id, from_commit, to_commit, previous_reward,"
                    + " idea_reward, epoch, after_run, promoted_at) VALUES (1, 1, 'a', 'b', 3.0, 2.5, 1, 6, 7)");
            case 4 -> statement.execute("INSERT INTO runs (patch_id, idea_id, epoch, status, queued_at, reward, reward_counts)"
                    + " VALUES (NULL, NULL, 0, 'failed', 4, NULL, 0)");
            default -> throw new AssertionError("Add a fixture for migration " + version + " to this test.");
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return Rows.list(connection, "SELECT name FROM sqlite_schema WHERE type = 'table'", rows -> rows.getString(1));
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        return Rows.list(connection, "PRAGMA " + name, rows -> rows.getString(1)).getFirst();
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
