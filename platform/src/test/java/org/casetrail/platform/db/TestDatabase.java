package org.casetrail.platform.db;

import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A PostgreSQL of a test's own with a pool on it, for the JDBC helpers' tests; closed, it is gone. */
record TestDatabase(EmbeddedPostgres postgres, HikariDataSource dataSource, JdbcTemplate jdbc)
        implements AutoCloseable {

    /** Started, with {@code ddl} run on it. */
    static TestDatabase start(String... ddl) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String statement : ddl) {
            jdbc.execute(statement);
        }
        return new TestDatabase(postgres, dataSource, jdbc);
    }

    @Override
    public void close() throws Exception {
        dataSource.close();
        postgres.close();
    }
}
