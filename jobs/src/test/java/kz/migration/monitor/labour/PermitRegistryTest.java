package kz.migration.monitor.labour;

import static kz.migration.monitor.SampleEvents.at;
import static kz.migration.monitor.SampleEvents.endMillisOf;
import static kz.migration.monitor.SampleEvents.endOf;
import static kz.migration.monitor.SampleEvents.permitIssued;
import static kz.migration.monitor.SampleEvents.permitRevoked;
import static org.assertj.core.api.Assertions.assertThat;

import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.Region;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Permits through the harness: issue, replacement, revocation, expiry, and no state left after. */
class PermitRegistryTest {

    private final KeyedOneInputStreamOperatorTestHarness<String, Employment, PermitChange> harness =
            ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                    new PermitRegistry(Long.MAX_VALUE), Employment::permitId, Types.STRING);

    PermitRegistryTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(Employment... events) throws Exception {
        for (Employment e : events) {
            harness.processElement(e, e.timestamp());
        }
    }

    private static final Employment ISSUE =
            permitIssued(
                    "e1",
                    "2026-03-05T09:00",
                    "P1",
                    "W1",
                    Region.KZ_71,
                    PermitCategory.CAT1,
                    "2026-05-31");

    @Test
    void anIssueAddsThePermitAndItExpiresAtTheEndOfItsLastDay() throws Exception {
        send(ISSUE);
        harness.processWatermark(ISSUE.timestamp());

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        new PermitChange(
                                true,
                                "W1",
                                Region.KZ_71,
                                PermitCategory.CAT1,
                                2026,
                                "P1",
                                "UZB",
                                "e1",
                                at("2026-03-05T09:00"),
                                1,
                                null));
        // The permit, and the key's schedule: its expiry, the instant of the key's one timer.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(endMillisOf("2026-05-31") - 1);
        assertThat(harness.extractOutputValues()).hasSize(1);

        harness.processWatermark(endMillisOf("2026-05-31"));
        assertThat(harness.extractOutputValues())
                .last()
                .isEqualTo(
                        new PermitChange(
                                false,
                                "W1",
                                Region.KZ_71,
                                PermitCategory.CAT1,
                                2026,
                                "P1",
                                "UZB",
                                null,
                                endOf("2026-05-31"),
                                0,
                                null));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aReplacementRemovesTheOldPermitAndAddsTheNewOne() throws Exception {
        Employment replacement =
                permitIssued(
                        "e2",
                        "2026-04-01T09:00",
                        "P1",
                        "W1",
                        Region.KZ_75,
                        PermitCategory.CAT2,
                        "2026-12-31");
        send(replacement, ISSUE);
        harness.processWatermark(replacement.timestamp());

        assertThat(harness.extractOutputValues())
                .extracting(
                        c ->
                                (c.added() ? "+" : "-")
                                        + c.region().code()
                                        + " "
                                        + c.category()
                                        + " "
                                        + c.eventId())
                .containsExactly("+KZ-71 CAT1 e1", "-KZ-71 CAT1 e2", "+KZ-75 CAT2 e2");
        // The old expiry is gone; only the replacement's remains.
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(endMillisOf("2026-05-31"));
        assertThat(harness.extractOutputValues()).hasSize(3);

        harness.processWatermark(endMillisOf("2026-12-31"));
        assertThat(harness.extractOutputValues())
                .last()
                .satisfies(
                        c -> {
                            assertThat(c.added()).isFalse();
                            assertThat(c.region()).isEqualTo(Region.KZ_75);
                            assertThat(c.at()).isEqualTo(endOf("2026-12-31"));
                        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aRevocationRemovesThePermitAndClearsItsState() throws Exception {
        send(ISSUE, permitRevoked("e3", "2026-04-10T16:00", "P1", "W1", Region.KZ_71));
        harness.processWatermark(at("2026-04-10T16:00").toEpochMilli());

        assertThat(harness.extractOutputValues())
                .last()
                .satisfies(
                        c -> {
                            assertThat(c.added()).isFalse();
                            assertThat(c.permitId()).isEqualTo("W1");
                            assertThat(c.region()).isEqualTo(Region.KZ_71);
                            assertThat(c.year()).isEqualTo(2026);
                            assertThat(c.eventId()).isEqualTo("e3");
                            assertThat(c.at()).isEqualTo(at("2026-04-10T16:00"));
                        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        // No expiry follows a revocation.
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void revokingAnUnknownPermitDoesNothing() throws Exception {
        send(permitRevoked("e3", "2026-04-10T16:00", "P1", "W9", Region.KZ_71));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aPermitCountsAgainstTheYearOfItsIssueInKazakhstanTime() throws Exception {
        // 1 January 02:00+05:00 is still 31 December in UTC.
        send(
                permitIssued(
                        "e1",
                        "2027-01-01T02:00",
                        "P1",
                        "W1",
                        Region.KZ_71,
                        PermitCategory.CAT1,
                        "2027-05-31"));
        harness.processWatermark(at("2027-01-01T02:00").toEpochMilli());

        assertThat(harness.extractOutputValues())
                .singleElement()
                .extracting(PermitChange::year)
                .isEqualTo(2027);
    }
}
