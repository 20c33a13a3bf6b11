package dev.groundwork.model.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQLite's {@code EXPLAIN QUERY PLAN} and finds the steps that make a query grow with the square of a big table:
 * inside a correlated subquery (run once per outer row), {@code runs} or {@code metric_points} read by anything but a
 * selective equality — a full {@code SCAN}, a range, or an index on a column with a handful of values such as
 * {@code status}. Equalities on keys that name one run, patch or idea ({@code id}, {@code patch_id}, {@code idea_id},
 * {@code run_id}) are fine.
 */
final class QueryPlanGuard {

    private static final List<String> BIG_TABLES = List.of("runs", "metric_points");
    private static final Pattern STEP = Pattern.compile("^(SCAN|SEARCH) (\\w+)(?: AS (\\w+))?(?: USING (.*))?$");
    private static final Pattern SELECTIVE = Pattern.compile(
            "(INTEGER PRIMARY KEY \\(rowid=\\?\\)|PRIMARY KEY \\(run_id=\\?.*\\)|INDEX \\w+ \\((patch_id|idea_id|run_id)=\\?.*\\))");

    private QueryPlanGuard() {}

    /** The offending plan steps of {@code sql} (empty when it stays index-driven); aliases are resolved by {@code aliases}. */
    static List<String> quadraticSteps(Connection connection, String sql, Map<String, String> aliases) throws SQLException {
        List<String> offending = new ArrayList<>();
        Map<Integer, Integer> parents = new HashMap<>();
        Map<Integer, String> details = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int id = rows.getInt(1);
                parents.put(id, rows.getInt(2));
                details.put(id, rows.getString(4));
                if (insideCorrelatedSubquery(id, parents, details) && readsBigTableUnselectively(rows.getString(4), aliases)) {
                    offending.add(rows.getString(4));
                }
            }
        }
        return offending;
    }

    /** The whole plan, for failure messages. */
    static String plan(Connection connection, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getInt(1)).append(" <- ").append(rows.getInt(2)).append(": ").append(rows.getString(4))
                        .append('\n');
            }
        }
        return plan.toString();
    }

    private static boolean insideCorrelatedSubquery(int id, Map<Integer, Integer> parents, Map<Integer, String> details) {
        for (Integer at = parents.get(id); at != null && at != 0; at = parents.get(at)) {
            if (details.getOrDefault(at, "").startsWith("CORRELATED")) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsBigTableUnselectively(String detail, Map<String, String> aliases) {
        Matcher step = STEP.matcher(detail);
        if (!step.matches()) {
            return false;
        }
        String table = aliases.getOrDefault(step.group(2), step.group(2));
        if (!BIG_TABLES.contains(table)) {
            return false;
        }
        return step.group(1).equals("SCAN") || step.group(4) == null || !SELECTIVE.matcher(step.group(4)).matches();
    }
}
