package kz.migration.monitor.stay;

import static kz.migration.monitor.SampleEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kz.migration.monitor.event.Region;
import org.junit.jupiter.api.Test;

/**
 * The stay ledger's day counting, without Flink: marks, exits, wake-up days and the 180-day window.
 */
class StayLedgerTest {

    private static final StayRule DEFAULT = new StayRule(30, 90);
    private static final StayRule LIMITED = new StayRule(14, 42);
    private static final PersonDocuments NO_DOCUMENTS = PersonDocuments.NONE;

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    private static StayLedger enteredOn(StayLedger ledger, String date) {
        return ledger.entered(at(date + "T18:00"), "UZB", Region.KZ_61, "Saryagash");
    }

    @Test
    void anEntryStartsAStayWhoseFirstDayIsStillToBeEvaluated() {
        StayLedger s = enteredOn(StayLedger.ABSENT, "2026-03-01");

        assertThat(s.present()).isTrue();
        assertThat(s.lastEvaluatedDay()).isEqualTo(day("2026-02-28"));
        assertThat(s.stayStart()).isEqualTo(at("2026-03-01T18:00"));
        // An entry while present continues the stay: same start, same counts.
        assertThat(s.entered(at("2026-03-05T10:00"), "UZB", Region.KZ_75, null)).isSameAs(s);
    }

    @Test
    void evaluatedThroughMarksTheFirstFourthAndEleventhUnlawfulDays() {
        StayLedger s = enteredOn(StayLedger.ABSENT, "2026-03-01");

        StayLedger.Progress lawful = s.evaluatedThrough(day("2026-03-30"), NO_DOCUMENTS, DEFAULT);
        assertThat(lawful.marks()).isEmpty();
        assertThat(lawful.ledger().uncoveredInStay()).isEqualTo(30);
        assertThat(lawful.ledger().unlawfulInStay()).isZero();

        // Evaluating in two steps gives the same marks as in one: days are evaluated once each.
        StayLedger.Progress rest =
                lawful.ledger().evaluatedThrough(day("2026-04-15"), NO_DOCUMENTS, DEFAULT);
        assertThat(rest.marks())
                .containsExactly(
                        new StayLedger.OverstayMark(day("2026-03-31"), 1),
                        new StayLedger.OverstayMark(day("2026-04-03"), 4),
                        new StayLedger.OverstayMark(day("2026-04-10"), 11));
        assertThat(rest.ledger().unlawfulInStay()).isEqualTo(16);
        assertThat(rest.ledger().lastEvaluatedDay()).isEqualTo(day("2026-04-15"));
        assertThat(s.evaluatedThrough(day("2026-04-15"), NO_DOCUMENTS, DEFAULT).marks())
                .isEqualTo(rest.marks());

        // Days already evaluated are not evaluated again.
        assertThat(
                        rest.ledger()
                                .evaluatedThrough(day("2026-04-10"), NO_DOCUMENTS, DEFAULT)
                                .ledger())
                .isSameAs(rest.ledger());
    }

    @Test
    void coveredDaysDoNotCount() {
        StayLedger s = enteredOn(StayLedger.ABSENT, "2026-03-01");
        PersonDocuments visa =
                NO_DOCUMENTS.withVisa(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10"));

        StayLedger.Progress p = s.evaluatedThrough(day("2026-04-09"), visa, DEFAULT);

        // 11 March is the 1st uncovered day, so 9 April is the 30th and still lawful.
        assertThat(p.ledger().uncoveredInStay()).isEqualTo(30);
        assertThat(p.marks()).isEmpty();
        assertThat(s.nextMarkedDay(visa, DEFAULT, 400)).isEqualTo(day("2026-04-10"));
    }

    @Test
    void citizensHaveNoUncoveredDays() {
        StayLedger s = StayLedger.ABSENT.entered(at("2026-03-01T10:00"), "KAZ", Region.KZ_61, null);

        StayLedger.Progress p = s.evaluatedThrough(day("2026-12-31"), NO_DOCUMENTS, null);

        assertThat(p.marks()).isEmpty();
        assertThat(p.ledger().uncoveredDays()).isEmpty();
        assertThat(s.nextMarkedDay(NO_DOCUMENTS, null, 400)).isEqualTo(-1);
    }

    @Test
    void anExitCountsItsDayAndEndsTheStayKeepingItsCounts() {
        StayLedger s = enteredOn(StayLedger.ABSENT, "2026-03-01");

        StayLedger gone = s.exited(at("2026-04-05T08:00"), NO_DOCUMENTS, DEFAULT);

        assertThat(gone.present()).isFalse();
        // 1 March to 5 April: 36 stay days, the last 6 of them unlawful.
        assertThat(gone.uncoveredInStay()).isEqualTo(36);
        assertThat(gone.unlawfulInStay()).isEqualTo(6);
        assertThat(gone.uncoveredDays()).hasSize(36).endsWith(day("2026-04-05"));
        assertThat(gone.nextMarkedDay(NO_DOCUMENTS, DEFAULT, 400)).isEqualTo(-1);
    }

    @Test
    void nextMarkedDayIsTheNextDayThatWouldRaiseAnOverstay() {
        StayLedger s = enteredOn(StayLedger.ABSENT, "2026-03-01");

        assertThat(s.nextMarkedDay(NO_DOCUMENTS, DEFAULT, 400)).isEqualTo(day("2026-03-31"));
        StayLedger afterFirst =
                s.evaluatedThrough(day("2026-03-31"), NO_DOCUMENTS, DEFAULT).ledger();
        assertThat(afterFirst.nextMarkedDay(NO_DOCUMENTS, DEFAULT, 400))
                .isEqualTo(day("2026-04-03"));
        StayLedger afterLast =
                s.evaluatedThrough(day("2026-04-10"), NO_DOCUMENTS, DEFAULT).ledger();
        assertThat(afterLast.nextMarkedDay(NO_DOCUMENTS, DEFAULT, 400)).isEqualTo(-1);
        // Nothing within the look-ahead: -1, the caller looks again later.
        assertThat(s.nextMarkedDay(NO_DOCUMENTS, DEFAULT, 30)).isEqualTo(-1);
        // A permanent residence covers every day from its own on.
        PersonDocuments resident =
                NO_DOCUMENTS.withPermanentResidence(at("2026-03-01T12:00"), Region.KZ_71, "Astana");
        assertThat(s.nextMarkedDay(resident, DEFAULT, 400)).isEqualTo(-1);
    }

    @Test
    void theWindowCountsUncoveredDaysOfEarlierStaysWithin180Days() {
        // LIMITED: 14 days per entry, 42 in any 180. Three full stays of 14 days each...
        StayLedger s = StayLedger.ABSENT;
        for (String[] stay :
                new String[][] {
                    {"2026-01-01", "2026-01-14"},
                    {"2026-02-01", "2026-02-14"},
                    {"2026-03-01", "2026-03-14"}
                }) {
            s = enteredOn(s, stay[0]).exited(at(stay[1] + "T08:00"), NO_DOCUMENTS, LIMITED);
            assertThat(s.unlawfulInStay()).isZero();
        }
        assertThat(s.uncoveredDays()).hasSize(42);

        // ...so the first day of a fourth stay is unlawful though it is only its 1st day.
        StayLedger fourth = enteredOn(s, "2026-04-01");
        StayLedger.Progress p = fourth.evaluatedThrough(day("2026-04-01"), NO_DOCUMENTS, LIMITED);
        assertThat(p.marks()).containsExactly(new StayLedger.OverstayMark(day("2026-04-01"), 1));

        // The window is the 180 days ending on a day: on 29 June it still reaches 1 January
        // (14 + 14 + 14 + 1 = 43 days), on 30 June it starts on 2 January (13 + 14 + 14 + 1 = 42).
        assertThat(
                        enteredOn(s, "2026-06-29")
                                .evaluatedThrough(day("2026-06-29"), NO_DOCUMENTS, LIMITED)
                                .marks())
                .containsExactly(new StayLedger.OverstayMark(day("2026-06-29"), 1));
        assertThat(
                        enteredOn(s, "2026-06-30")
                                .evaluatedThrough(day("2026-07-03"), NO_DOCUMENTS, LIMITED)
                                .marks())
                .isEmpty();
    }

    @Test
    void aDaySharedByTwoStaysIsOneDayOfTheWindowButADayOfEachStay() {
        StayLedger first =
                enteredOn(StayLedger.ABSENT, "2026-03-01")
                        .exited(at("2026-03-10T08:00"), NO_DOCUMENTS, DEFAULT);
        StayLedger second =
                first.entered(at("2026-03-10T20:00"), "UZB", Region.KZ_61, null)
                        .exited(at("2026-03-12T08:00"), NO_DOCUMENTS, DEFAULT);

        assertThat(first.uncoveredInStay()).isEqualTo(10);
        assertThat(second.uncoveredInStay()).isEqualTo(3);
        // 1 .. 12 March: 12 distinct days, 10 March once.
        assertThat(second.uncoveredDays()).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void aLedgerIsForgettableOnceItsLastUncoveredDayLeftTheWindow() {
        StayLedger gone =
                enteredOn(StayLedger.ABSENT, "2026-03-01")
                        .exited(at("2026-03-10T08:00"), NO_DOCUMENTS, DEFAULT);

        long clears = day("2026-03-10") + StayLedger.WINDOW_DAYS;
        assertThat(gone.windowClearsOn()).isEqualTo(clears);
        assertThat(gone.isForgettable(clears - 1)).isFalse();
        assertThat(gone.isForgettable(clears)).isTrue();
        assertThat(StayLedger.ABSENT.isForgettable(0)).isTrue();
        assertThat(StayLedger.ABSENT.windowClearsOn()).isEqualTo(-1);
        assertThat(enteredOn(StayLedger.ABSENT, "2026-03-01").isForgettable(clears + 1000))
                .isFalse();
    }

    @Test
    void aDocumentLaterOnTheExitDayTakesThatDayOutOfTheWindowButNotOutOfTheEndedStay() {
        // 1 .. 16 March: the 15th and 16th are unlawful (LIMITED, 14 per entry).
        StayLedger gone =
                enteredOn(StayLedger.ABSENT, "2026-03-01")
                        .exited(at("2026-03-16T08:00"), NO_DOCUMENTS, LIMITED);
        PersonDocuments permit =
                NO_DOCUMENTS.withPermit(
                        new Permit(
                                "WP-1",
                                Region.KZ_75,
                                at("2026-03-16T15:00"),
                                LocalDate.parse("2026-03-20")));

        StayLedger covered = gone.coveredOn(day("2026-03-16"), permit);

        assertThat(covered.uncoveredDays()).hasSize(15);
        assertThat(covered.uncoveredDays()[14]).isEqualTo(day("2026-03-15"));
        assertThat(covered.unlawfulInStay()).isEqualTo(gone.unlawfulInStay()).isEqualTo(2);
        // Nothing to do without a document for the day, or for another day than the last.
        assertThat(gone.coveredOn(day("2026-03-16"), NO_DOCUMENTS)).isSameAs(gone);
        assertThat(gone.coveredOn(day("2026-03-17"), permit)).isSameAs(gone);
        // A new stay from the same evening does not count the day again, and it stays covered.
        StayLedger next =
                covered.entered(at("2026-03-16T20:00"), "IND", Region.KZ_61, null)
                        .exited(at("2026-03-18T08:00"), permit, LIMITED);
        assertThat(next.uncoveredDays()).hasSize(15);
        assertThat(next.uncoveredInStay()).isZero();
    }
}
