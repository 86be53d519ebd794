package org.casetrail.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each read model's tables belong to one feature package: the one that writes them. No SQL outside that package
 * names them; other features ask the owner through its public types. Checked on the sources themselves, with the
 * tables taken from the migrations and each owner from the code that writes the table.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/projections");
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE\\s+(?:(\\w+)\\.)?(\\w+)",
                                                          Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED = Pattern.compile("(?<![\\w.])(projections|audit)\\.([a-z_]+)\\b");
    private static final Pattern WRITE = Pattern.compile(
            "(?:INSERT INTO|UPDATE|TRUNCATE|DELETE FROM)\\s+((?:(?:projections|audit)\\.[a-z_]+(?:,\\s*)?)+)");

    private static Set<String> tables;
    private static Map<Path, String> sources;

    @BeforeAll
    static void read() throws IOException {
        tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher created = CREATE.matcher(Files.readString(file));
                while (created.find()) {
                    tables.add((created.group(1) == null ? "projections" : created.group(1)) + "." + created.group(2));
                }
            }
        }
        sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file, Files.readString(file));
            }
        }
    }

    @Test
    void theMigrationsAndSourcesAreFound() {
        assertThat(tables).contains("projections.case_record", "projections.contact", "audit.entry");
        assertThat(sources).hasSizeGreaterThan(40);
    }

    @Test
    void everyTableIsWrittenByOneFeatureAndNamedByNoOther() {
        Map<String, Set<String>> writers = new TreeMap<>();
        sources.forEach((file, text) -> {
            Matcher write = WRITE.matcher(text);
            while (write.find()) {
                for (String table : write.group(1).split(",\\s*")) {
                    writers.computeIfAbsent(table.trim(), t -> new TreeSet<>()).add(feature(file));
                }
            }
        });
        assertThat(writers.keySet()).as("tables written by the code").containsAll(tables);
        List<String> problems = new ArrayList<>();
        writers.forEach((table, features) -> {
            if (features.size() != 1) {
                problems.add(table + " is written by " + features);
            }
        });
        sources.forEach((file, text) -> {
            Matcher named = NAMED.matcher(text);
            while (named.find()) {
                String table = named.group();
                Set<String> owner = writers.get(table);
                if (tables.contains(table) && owner != null && !owner.contains(feature(file))) {
                    problems.add(SOURCES.relativize(file) + " names " + table + ", which belongs to " + owner);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    /** The feature a source belongs to: its package below org/casetrail/query or org/casetrail. */
    private static String feature(Path file) {
        Path relative = SOURCES.relativize(file.getParent());
        String path = relative.toString().replace('\\', '/');
        return path.startsWith("org/casetrail/query/") ? path.substring("org/casetrail/query/".length())
                : path.substring("org/casetrail/".length());
    }
}
