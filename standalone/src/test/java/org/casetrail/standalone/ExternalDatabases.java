package org.casetrail.standalone;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * Databases of a test's own on the external PostgreSQL ({@link ExternalPostgresTest#SERVER}): made, or the test
 * skipped where no server answers; dropped afterwards only if they were made.
 */
final class ExternalDatabases {

    private static final Set<String> MADE = ConcurrentHashMap.newKeySet();

    private ExternalDatabases() {
    }

    static void createOrSkip(String database) {
        try (var connection = DriverManager.getConnection(ExternalPostgresTest.SERVER + "postgres",
                                                          ExternalPostgresTest.USER, "")) {
            connection.createStatement().execute("CREATE DATABASE " + database);
            MADE.add(database);
        } catch (SQLException e) {
            Assumptions.abort("No external PostgreSQL at " + ExternalPostgresTest.SERVER + ": " + e.getMessage());
        }
    }

    static void dropIfMade(String database) throws SQLException {
        if (!MADE.remove(database)) {
            return;
        }
        try (var connection = DriverManager.getConnection(ExternalPostgresTest.SERVER + "postgres",
                                                          ExternalPostgresTest.USER, "")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
