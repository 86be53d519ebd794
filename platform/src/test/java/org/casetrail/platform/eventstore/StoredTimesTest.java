package org.casetrail.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** Every stored time stamp reads as Axon's own parser reads it: the same instant, or a failure where it fails. */
class StoredTimesTest {

    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    private static final String NOISE = "0123456789-:.TtZz+ x\u0660\uff10";

    @Test
    void readsEveryTimeAsAxonDoes() {
        Random random = new Random(20261202);
        List<String> stamps = new ArrayList<>(List.of(
                "2026-02-29T10:00:00.000Z", "2028-02-29T10:00:00.000Z", "2026-13-01T10:00:00.000Z",
                "2026-04-31T10:00:00.000Z", "2026-12-02T24:00:00.000Z", "2026-12-02T23:60:00.000Z",
                "2016-12-31T23:59:60.000Z", "2026-12-02t03:55:15.087z", "2026-12-02T03:55:15.087+01:00",
                "2026-12-02T03:55:15Z", "2026-12-02T03:55:15.087654321Z", "+12026-12-02T03:55:15.087Z",
                "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "", "2026-12-02T03:55:15.087"));
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(FIRST + (long) (random.nextDouble() * (LAST - FIRST)),
                                               random.nextInt(1_000_000_000));
            String written = DateTimeUtils.formatInstant(at);
            stamps.add(written);
            stamps.add(at.toString());
            stamps.add(at.truncatedTo(ChronoUnit.SECONDS).toString());
            char[] changed = written.toCharArray();
            changed[random.nextInt(changed.length)] = NOISE.charAt(random.nextInt(NOISE.length()));
            stamps.add(new String(changed));
        }
        int direct = 0;
        for (String stamp : stamps) {
            Object axons = read(() -> DateTimeUtils.parseInstant(stamp));
            Object ours = read(() -> StoredTimes.parse(stamp));
            assertThat(ours).as(stamp).isEqualTo(axons);
            direct += axons instanceof Instant && stamp.length() == 24 ? 1 : 0;
        }
        assertThat(direct).as("Axon's own shape read directly, and compared").isGreaterThan(20_000);
    }

    /** The instant read, or the kind of failure. */
    private static Object read(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
