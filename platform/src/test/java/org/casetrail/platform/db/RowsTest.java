package org.casetrail.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;



/** Rows onto view records by name, against PostgreSQL: the same records Spring's own mapper made, and faster. */
class RowsTest {

    enum Colour { RED, GREEN }

    record View(String itemId, String name, Instant openedAt, LocalDate dueOn, Colour colour, boolean done,
                long version, int count, Integer maybeCount, Long maybeVersion, Boolean maybeDone) {
    }

    static TestDatabase database;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.start("""
                CREATE TABLE item (item_id UUID PRIMARY KEY, name TEXT, opened_at TIMESTAMPTZ, due_on DATE,
                                   colour VARCHAR(10), done BOOLEAN, version BIGINT, count INT, maybe_count INT,
                                   maybe_version BIGINT, maybe_done BOOLEAN)""", """
                INSERT INTO item VALUES
                  ('7f1c1a52-0c7e-4b7e-9a51-2f1f7d1a0001', 'Ζωή Ōsaka 山田', '2026-03-29 00:30:00+00', '2026-12-01',
                   'GREEN', true, 9007199254740993, 7, 3, 12, false),
                  ('7f1c1a52-0c7e-4b7e-9a51-2f1f7d1a0002', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL)""");
        jdbc = database.jdbc();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    private static final String SELECT = """
            SELECT item_id, name, opened_at, due_on, colour, done, version, count, maybe_count, maybe_version,
                   maybe_done FROM item ORDER BY item_id""";

    @Test
    void mapsEveryKindOfColumnAndNull() {
        List<View> views = jdbc.query(SELECT + " LIMIT 1", Rows.as(View.class));
        List<Sparse> sparse = jdbc.query("SELECT item_id, name, opened_at, due_on, colour, maybe_count, maybe_version,"
                                         + " maybe_done FROM item ORDER BY item_id DESC LIMIT 1", Rows.as(Sparse.class));

        assertThat(views).containsExactly(
                new View("7f1c1a52-0c7e-4b7e-9a51-2f1f7d1a0001", "Ζωή Ōsaka 山田",
                         Instant.parse("2026-03-29T00:30:00Z"), LocalDate.parse("2026-12-01"), Colour.GREEN, true,
                         9007199254740993L, 7, 3, 12L, false));
        assertThat(sparse).containsExactly(
                new Sparse("7f1c1a52-0c7e-4b7e-9a51-2f1f7d1a0002", null, null, null, null, null, null, null));
    }

    record Sparse(String itemId, String name, Instant openedAt, LocalDate dueOn, Colour colour, Integer maybeCount,
                  Long maybeVersion, Boolean maybeDone) {
    }

    @Test
    void refusesNullForAPrimitiveNamingTheColumn() {
        assertThatThrownBy(() -> jdbc.query(SELECT, Rows.as(View.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("done");
    }

    @Test
    void givesWhatSpringsDataClassMapperGave() {
        assertThat(jdbc.query(SELECT + " LIMIT 1", Rows.as(View.class)))
                .isEqualTo(jdbc.query(SELECT + " LIMIT 1", spring(View.class)));
        assertThat(jdbc.query("SELECT * FROM item", Rows.as(Sparse.class)))
                .isEqualTo(jdbc.query("SELECT * FROM item", spring(Sparse.class)));
    }

    /** Spring's mapper, with the conversions the projections gave it. */
    private static <T> DataClassRowMapper<T> spring(Class<T> type) {
        DataClassRowMapper<T> spring = new DataClassRowMapper<>(type);
        DefaultConversionService conversions = new DefaultConversionService();
        conversions.addConverter(Timestamp.class, Instant.class, Timestamp::toInstant);
        conversions.addConverter(OffsetDateTime.class, Instant.class, OffsetDateTime::toInstant);
        spring.setConversionService(conversions);
        return spring;
    }

    @Test
    void findsColumnsByNameInAnyOrderAndAcrossResultSets() {
        RowMapper<View> mapper = Rows.as(View.class);
        View first = jdbc.query(SELECT + " LIMIT 1", mapper).get(0);
        View reordered = jdbc.query("""
                SELECT maybe_done, maybe_version, maybe_count, count, version, done, colour, due_on, opened_at,
                       name, item_id AS "itemId" FROM item ORDER BY item_id LIMIT 1""", mapper).get(0);

        assertThat(reordered).isEqualTo(first);
    }

    @Test
    void namesTheColumnARecordNeedsWhenItIsMissing() {
        assertThatThrownBy(() -> jdbc.query("SELECT item_id, name FROM item", Rows.as(View.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("opened_at");
    }
}
