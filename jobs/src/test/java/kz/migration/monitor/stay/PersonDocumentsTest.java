package kz.migration.monitor.stay;

import static kz.migration.monitor.SampleEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kz.migration.monitor.event.Region;
import org.junit.jupiter.api.Test;

/** The contract's coverage rules for documents, without Flink. */
class PersonDocumentsTest {

    private static final PersonDocuments NONE = PersonDocuments.NONE;

    private static LocalDate date(String d) {
        return LocalDate.parse(d);
    }

    private static long day(String d) {
        return date(d).toEpochDay();
    }

    private static Permit permit(String id, Region region, String issuedAt, String until) {
        return new Permit(id, region, at(issuedAt), date(until));
    }

    @Test
    void aVisaCoversItsDaysBothEndsIncluded() {
        PersonDocuments d = NONE.withVisa(date("2026-03-01"), date("2026-03-10"));

        assertThat(d.covers(day("2026-02-28"))).isFalse();
        assertThat(d.covers(day("2026-03-01"))).isTrue();
        assertThat(d.covers(day("2026-03-10"))).isTrue();
        assertThat(d.covers(day("2026-03-11"))).isFalse();
        assertThat(d.lastCoveredDay()).isEqualTo(day("2026-03-10"));
        assertThat(NONE.covers(day("2026-03-01"))).isFalse();
        assertThat(NONE.lastCoveredDay()).isEqualTo(-1);
    }

    @Test
    void aTemporaryResidenceCoversItsDayToValidUntilAndIsTheAddress() {
        PersonDocuments d =
                NONE.withTemporaryResidence(
                        date("2026-03-05"), date("2026-06-30"), Region.KZ_71, "Astana");

        assertThat(d.covers(day("2026-03-04"))).isFalse();
        assertThat(d.covers(day("2026-03-05"))).isTrue();
        assertThat(d.covers(day("2026-06-30"))).isTrue();
        assertThat(d.covers(day("2026-07-01"))).isFalse();
        assertThat(d.residenceRegion()).isEqualTo(Region.KZ_71);
        assertThat(d.residenceCity()).isEqualTo("Astana");
        assertThat(d.hasPermanentResidenceAt(at("2026-04-01T10:00"))).isFalse();
    }

    @Test
    void aPermanentResidenceCoversEveryDayFromItsOwnOn() {
        PersonDocuments d =
                NONE.withPermanentResidence(at("2026-03-05T15:00"), Region.KZ_75, "Almaty");

        assertThat(d.covers(day("2026-03-04"))).isFalse();
        assertThat(d.covers(day("2026-03-05"))).isTrue();
        assertThat(d.covers(day("2036-03-05"))).isTrue();
        assertThat(d.lastCoveredDay()).isEqualTo(Long.MAX_VALUE);
        assertThat(d.hasPermanentResidenceAt(at("2026-03-05T14:59"))).isFalse();
        assertThat(d.hasPermanentResidenceAt(at("2026-03-05T15:00"))).isTrue();
        assertThat(d.residenceRegion()).isEqualTo(Region.KZ_75);
    }

    @Test
    void aPermitCoversItsIssueDayToPermitUntilAndAuthorisesWorkInItsRegionOnly() {
        PersonDocuments d =
                NONE.withPermit(permit("W1", Region.KZ_71, "2026-03-05T09:00", "2026-05-31"));

        assertThat(d.covers(day("2026-03-04"))).isFalse();
        assertThat(d.covers(day("2026-03-05"))).isTrue();
        assertThat(d.covers(day("2026-05-31"))).isTrue();
        assertThat(d.covers(day("2026-06-01"))).isFalse();
        assertThat(d.hasActivePermitIn(Region.KZ_71, at("2026-03-05T08:59"))).isFalse();
        assertThat(d.hasActivePermitIn(Region.KZ_71, at("2026-03-05T09:00"))).isTrue();
        assertThat(d.hasActivePermitIn(Region.KZ_71, at("2026-05-31T23:59"))).isTrue();
        assertThat(d.hasActivePermitIn(Region.KZ_71, at("2026-06-01T00:00"))).isFalse();
        assertThat(d.hasActivePermitIn(Region.KZ_75, at("2026-04-01T10:00"))).isFalse();
    }

    @Test
    void aReplacementEndsTheOldPermitOnItsDayAndTheNewOneRulesFromThere() {
        PersonDocuments d =
                NONE.withPermit(permit("W1", Region.KZ_71, "2026-03-05T09:00", "2026-12-31"))
                        .withPermit(permit("W1", Region.KZ_75, "2026-06-10T09:00", "2026-07-31"));

        assertThat(d.covers(day("2026-06-10"))).isTrue();
        assertThat(d.covers(day("2026-07-31"))).isTrue();
        // The old permit no longer reaches to 31 December.
        assertThat(d.covers(day("2026-08-01"))).isFalse();
        assertThat(d.lastCoveredDay()).isEqualTo(day("2026-07-31"));
        assertThat(d.permits()).extracting(Permit::region).containsExactly(Region.KZ_75);
        assertThat(d.hasActivePermitIn(Region.KZ_71, at("2026-06-11T10:00"))).isFalse();
        assertThat(d.hasActivePermitIn(Region.KZ_75, at("2026-06-11T10:00"))).isTrue();
    }

    @Test
    void aRevocationKeepsItsOwnDayCoveredAndNoMore() {
        PersonDocuments d =
                NONE.withPermit(permit("W1", Region.KZ_71, "2026-03-05T09:00", "2026-12-31"))
                        .withPermitRevoked("W1", at("2026-06-10T16:00"));

        assertThat(d.covers(day("2026-06-10"))).isTrue();
        assertThat(d.covers(day("2026-06-11"))).isFalse();
        assertThat(d.hasActivePermitIn(Region.KZ_71, at("2026-06-11T10:00"))).isFalse();
    }

    @Test
    void revokingAnUnknownPermitChangesNothing() {
        PersonDocuments d =
                NONE.withPermit(permit("W1", Region.KZ_71, "2026-03-05T09:00", "2026-12-31"));

        assertThat(d.withPermitRevoked("W2", at("2026-06-10T16:00"))).isEqualTo(d);
    }

    @Test
    void aDeregistrationEndsResidenceAfterItsDayButNotAVisaOrPermit() {
        PersonDocuments d =
                NONE.withVisa(date("2026-03-01"), date("2026-12-31"))
                        .withPermanentResidence(at("2026-03-05T15:00"), Region.KZ_75, "Almaty")
                        .withPermit(permit("W1", Region.KZ_75, "2026-03-06T09:00", "2026-12-31"))
                        .deregistered(date("2026-06-10"));
        PersonDocuments temporary =
                NONE.withTemporaryResidence(
                                date("2026-03-05"), date("2026-12-31"), Region.KZ_71, null)
                        .deregistered(date("2026-06-10"));

        assertThat(d.hasPermanentResidenceAt(at("2026-06-10T23:59"))).isTrue();
        assertThat(d.hasPermanentResidenceAt(at("2026-06-11T00:00"))).isFalse();
        assertThat(d.residenceRegion()).isNull();
        // The visa and the permit still cover later days.
        assertThat(d.covers(day("2026-12-31"))).isTrue();
        assertThat(d.hasActivePermitIn(Region.KZ_75, at("2026-07-01T10:00"))).isTrue();

        assertThat(temporary.covers(day("2026-06-10"))).isTrue();
        assertThat(temporary.covers(day("2026-06-11"))).isFalse();
        assertThat(temporary.residenceRegion()).isNull();
    }

    @Test
    void pruningDropsWhatCanNoLongerCoverADayOrAuthoriseAHire() {
        PersonDocuments d =
                NONE.withVisa(date("2026-03-01"), date("2026-03-10"))
                        .withPermit(permit("W1", Region.KZ_71, "2026-03-01T09:00", "2026-03-20"))
                        .withPermanentResidence(at("2026-03-01T15:00"), Region.KZ_75, "Almaty")
                        .deregistered(date("2026-03-15"));

        PersonDocuments on11 = d.pruned(day("2026-03-11"));
        assertThat(on11.periods())
                .extracting(CoverPeriod::document)
                .containsExactlyInAnyOrder("permit:W1", "permanent");
        assertThat(on11.hasPermanentResidenceAt(at("2026-03-11T10:00"))).isTrue();

        PersonDocuments on16 = d.pruned(day("2026-03-16"));
        assertThat(on16.periods()).extracting(CoverPeriod::document).containsExactly("permit:W1");
        assertThat(on16.permanentSince()).isNull();
        assertThat(on16.permits()).hasSize(1);

        PersonDocuments on21 = d.pruned(day("2026-03-21"));
        assertThat(on21.periods()).isEmpty();
        assertThat(on21.permits()).isEmpty();
        // Deregistered, so no address either: nothing is left to keep.
        assertThat(on21.isEmpty()).isTrue();
        // Pruning keeps what still covers today.
        assertThat(d.pruned(day("2026-03-20")).covers(day("2026-03-20"))).isTrue();
    }
}
