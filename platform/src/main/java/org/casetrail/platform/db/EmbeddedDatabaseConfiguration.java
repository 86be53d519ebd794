package org.casetrail.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.casetrail.platform.CasetrailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The default database: an embedded PostgreSQL whose data lives in {@code casetrail.data-dir}. Setting
 * {@code spring.datasource.url} switches to an external server and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean
    EmbeddedPostgresServer embeddedPostgres(CasetrailProperties properties) {
        if (properties.db().embedded().ephemeral()) {
            return EmbeddedPostgresServer.shared();
        }
        return EmbeddedPostgresServer.start(Path.of(properties.dataDir(), "postgres"),
                                            properties.db().embedded().port());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server, CasetrailProperties properties) {
        String database = properties.db().embedded().database();
        if (properties.db().embedded().ephemeral() || database.isBlank()) {
            database = "casetrail_" + UUID.randomUUID().toString().replace("-", "");
        }
        server.ensureDatabase(database);
        var dataSource = new ServerUsingDataSource(server);
        dataSource.setJdbcUrl(server.jdbcUrl(database));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("casetrail");
        log.info("Using the embedded PostgreSQL, database '{}' ({}), at {}", database, server.dataDirectory(),
                 server.jdbcUrl(database));
        return dataSource;
    }

    /** A pool that counts as a user of its server until it is closed. */
    static final class ServerUsingDataSource extends HikariDataSource {

        private final EmbeddedPostgresServer server;

        ServerUsingDataSource(EmbeddedPostgresServer server) {
            this.server = server;
            server.users.incrementAndGet();
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                server.users.decrementAndGet();
            }
        }
    }

    /**
     * One embedded server. A persistent one belongs to its application context and stops with it; the ephemeral
     * one is shared by every context in the JVM (each gets its own database) and stops when the JVM exits, once
     * the contexts still open at exit have closed their pools, so none of them loses its database mid-shutdown.
     */
    static final class EmbeddedPostgresServer implements AutoCloseable {

        private static final long SHARED_STOP_WAIT_MILLIS = 20_000;
        private static EmbeddedPostgresServer shared;

        private final EmbeddedPostgres postgres;
        private final Path dataDirectory;
        private final AtomicInteger users = new AtomicInteger();

        private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
            this.postgres = postgres;
            this.dataDirectory = dataDirectory;
        }

        static EmbeddedPostgresServer start(Path dataDirectory, int port) {
            try {
                Files.createDirectories(dataDirectory);
                // No shutdown hook of its own: Spring closes it after the pool that depends on it, so the
                // server never stops under open connections.
                // Durable, whatever the library's defaults (it turns fsync and synchronous commits off for
                // tests): an acknowledged record survives a power cut.
                var builder = EmbeddedPostgres.builder();
                if (port > 0) {
                    builder.setPort(port);
                }
                var postgres = builder.setDataDirectory(dataDirectory)
                                      .setCleanDataDirectory(false)
                                      .setRegisterShutdownHook(false)
                                      .setServerConfig("fsync", "on")
                                      .setServerConfig("synchronous_commit", "on")
                                      .setServerConfig("full_page_writes", "on")
                                      .start();
                return new EmbeddedPostgresServer(postgres, dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
            }
        }

        static synchronized EmbeddedPostgresServer shared() {
            if (shared == null) {
                try {
                    Path dir = Files.createTempDirectory("casetrail-pg-");
                    var postgres = EmbeddedPostgres.builder()
                                                   .setDataDirectory(dir)
                                                   .setCleanDataDirectory(true)
                                                   .setRegisterShutdownHook(false)
                                                   .start();
                    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir);
                    Runtime.getRuntime().addShutdownHook(new Thread(server::stopWhenUnused, "embedded-postgres-stop"));
                    shared = server;
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
                }
            }
            return shared;
        }

        Path dataDirectory() {
            return dataDirectory;
        }

        String jdbcUrl(String database) {
            return postgres.getJdbcUrl("postgres", database);
        }

        void ensureDatabase(String database) {
            var admin = new JdbcTemplate(postgres.getPostgresDatabase());
            Integer exists = admin.queryForObject("SELECT count(*) FROM pg_database WHERE datname = ?",
                                                  Integer.class, database);
            if (exists == null || exists == 0) {
                admin.execute("CREATE DATABASE \"" + database + "\"");
            }
        }

        @Override
        public void close() throws IOException {
            if (this != shared) {
                postgres.close();
            }
        }

        private void stopWhenUnused() {
            long deadline = System.currentTimeMillis() + SHARED_STOP_WAIT_MILLIS;
            while (users.get() > 0 && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL cleanly", e);
            }
        }
    }
}
