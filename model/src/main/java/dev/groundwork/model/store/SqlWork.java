package dev.groundwork.model.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work on a connection the {@link Database} lends for its duration. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
