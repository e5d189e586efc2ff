package kz.migration.monitor.job;

import static kz.migration.monitor.SampleEvents.at;
import static kz.migration.monitor.SampleEvents.entry;
import static org.assertj.core.api.Assertions.assertThat;

import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Region;
import org.junit.jupiter.api.Test;

/** Which copy of an event counts: the earliest, then the documented order of the fields. */
class CopyOrderTest {

    private static boolean first(InputEvent a, InputEvent b) {
        return CopyOrder.EARLIEST_FIRST.compare(a, b) < 0
                && CopyOrder.EARLIEST_FIRST.compare(b, a) > 0;
    }

    @Test
    void theEarliestCopyComesFirstWhateverItsContent() {
        assertThat(
                        first(
                                entry("c1", "2026-03-01T10:00", "P9", "UZB"),
                                entry("c1", "2026-03-01T10:01", "P1", "RUS")))
                .isTrue();
    }

    @Test
    void copiesOfOneInstantAreOrderedFieldByFieldAbsentFirst() {
        assertThat(
                        first(
                                entry("c1", "2026-03-01T10:00", "P1", "UZB"),
                                entry("c1", "2026-03-01T10:00", "P2", "AFG")))
                .isTrue();
        assertThat(
                        first(
                                new InflowThreshold(
                                        "t1", at("2026-03-01T00:00"), Region.KZ_71, null, 9),
                                new InflowThreshold(
                                        "t1", at("2026-03-01T00:00"), Region.KZ_71, "Astana", 1)))
                .isTrue();
        // Numbers by value, not by their text.
        assertThat(
                        first(
                                new QuotaLimit(
                                        "q1",
                                        at("2026-03-01T00:00"),
                                        2026,
                                        Region.KZ_71,
                                        PermitCategory.CAT1,
                                        99),
                                new QuotaLimit(
                                        "q1",
                                        at("2026-03-01T00:00"),
                                        2026,
                                        Region.KZ_71,
                                        PermitCategory.CAT1,
                                        100)))
                .isTrue();
    }

    @Test
    void quotaLimitsComeBeforeInflowThresholdsOfOneId() {
        assertThat(
                        first(
                                new QuotaLimit(
                                        "r1",
                                        at("2026-03-01T00:00"),
                                        2026,
                                        Region.KZ_71,
                                        null,
                                        100),
                                new InflowThreshold(
                                        "r1", at("2026-03-01T00:00"), Region.KZ_71, null, 5)))
                .isTrue();
    }

    @Test
    void identicalCopiesAreEqual() {
        assertThat(
                        CopyOrder.EARLIEST_FIRST.compare(
                                entry("c1", "2026-03-01T10:00", "P1", "UZB"),
                                entry("c1", "2026-03-01T10:00", "P1", "UZB")))
                .isZero();
    }
}
