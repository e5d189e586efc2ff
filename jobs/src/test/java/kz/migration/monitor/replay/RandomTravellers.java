package kz.migration.monitor.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kz.migration.monitor.event.KazakhstanTime;

/**
 * A seeded random history of one traveller for property tests of the stay rules: stays with the
 * documents that cover them (visas at entry, work permits and their revocations, temporary and
 * permanent residence, deregistrations), with many days on which a stay ends in the morning and a
 * document is presented later that day, at an evening re-entry or while the person is abroad.
 */
final class RandomTravellers {

    private static final String[] CITIZENSHIPS = {
        "IND", "IND", "IRN", "UZB", "UZB", "CHN", "TJK", "RUS", "KGZ", "KAZ"
    };

    /** The last day on which a history may have an event. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);

    /** One input record, typed for the reference computation and as the line a producer sends. */
    record Event(
            String stream,
            Instant at,
            String eventId,
            String kind,
            String citizenship,
            LocalDate until,
            String permitId,
            String line) {

        LocalDate day() {
            return KazakhstanTime.dateOf(at);
        }

        /** The contract's processing order: time, stream (crossings last), event id. */
        static int compare(Event a, Event b) {
            int c = a.at.compareTo(b.at);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(rank(a.stream), rank(b.stream));
            return c != 0 ? c : a.eventId.compareTo(b.eventId);
        }

        private static int rank(String stream) {
            return switch (stream) {
                case "registrations" -> 1;
                case "employment" -> 2;
                default -> 3;
            };
        }
    }

    private final String person;
    private final String citizenship;
    private final SplittableRandom random;
    private final List<Event> events = new ArrayList<>();
    private final List<String> openPermits = new ArrayList<>();
    private int ids;

    private RandomTravellers(String person, long seed) {
        this.person = person;
        this.random = new SplittableRandom(seed);
        this.citizenship = CITIZENSHIPS[random.nextInt(CITIZENSHIPS.length)];
    }

    /** The history of {@code person} drawn from {@code seed}, in no particular order. */
    static List<Event> history(String person, long seed) {
        RandomTravellers t = new RandomTravellers(person, seed);
        t.draw();
        return t.events;
    }

    private void draw() {
        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(20));
        boolean sameDayReentry = false;
        while (day.isBefore(LAST_DAY)) {
            Instant entryAt = sameDayReentry ? at(day, 13 + random.nextInt(10)) : at(day, null);
            LocalDate visa =
                    random.nextInt(100) < (sameDayReentry ? 60 : 20)
                            ? day.plusDays(random.nextInt(20))
                            : null;
            crossing("ENTRY", entryAt, visa);
            int length = random.nextInt(46);
            LocalDate exitDay = day.plusDays(length);
            if (exitDay.isAfter(LAST_DAY)) {
                stayDocuments(day, LAST_DAY);
                return;
            }
            stayDocuments(day, exitDay);
            Instant exitAt = at(exitDay, 1 + random.nextInt(11));
            if (!exitAt.isAfter(entryAt)) {
                exitAt = entryAt.plusSeconds(60);
            }
            crossing("EXIT", exitAt, null);
            if (random.nextInt(100) < 15) {
                // a permit issued later on the day of the exit, while the person is abroad
                issuePermit(exitAt.plusSeconds(3600L * (1 + random.nextInt(5))));
            }
            if (random.nextInt(100) < 5) {
                crossing("EXIT", exitAt.plusSeconds(7200), null); // unmatched
            }
            sameDayReentry = random.nextInt(100) < 40;
            day = sameDayReentry ? exitDay : exitDay.plusDays(1 + random.nextInt(25));
        }
    }

    /** Documents presented during a stay from {@code first} to {@code last}. */
    private void stayDocuments(LocalDate first, LocalDate last) {
        int span = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        if (random.nextInt(100) < 25) {
            issuePermit(at(first.plusDays(random.nextInt(span)), null));
        }
        if (!openPermits.isEmpty() && random.nextInt(100) < 30) {
            String permitId = openPermits.remove(random.nextInt(openPermits.size()));
            Instant revokedAt = at(first.plusDays(random.nextInt(span)), null);
            events.add(
                    new Event(
                            "employment",
                            revokedAt,
                            id(),
                            "PERMIT_REVOKED",
                            citizenship,
                            null,
                            permitId,
                            InputLines.employment(
                                    lastId(),
                                    text(revokedAt),
                                    person,
                                    citizenship,
                                    "PERMIT_REVOKED",
                                    "KZ-75",
                                    "Almaty",
                                    "permitId",
                                    permitId)));
        }
        if (random.nextInt(100) < 10) {
            Instant registeredAt = at(first.plusDays(random.nextInt(span)), null);
            LocalDate validUntil = KazakhstanTime.dateOf(registeredAt).plusDays(random.nextInt(40));
            registration(registeredAt, "TEMPORARY_RESIDENCE", validUntil);
        }
        if (random.nextInt(100) < 2) {
            registration(
                    at(first.plusDays(random.nextInt(span)), null), "PERMANENT_RESIDENCE", null);
        }
        if (random.nextInt(100) < 8) {
            registration(at(first.plusDays(random.nextInt(span)), null), "DEREGISTRATION", null);
        }
        if (random.nextInt(100) < 5) {
            crossing("ENTRY", at(first.plusDays(random.nextInt(span)), null), null); // missed exit
        }
    }

    private void issuePermit(Instant issuedAt) {
        String permitId = person + "-WP" + ids;
        LocalDate until = KazakhstanTime.dateOf(issuedAt).plusDays(random.nextInt(30));
        openPermits.add(permitId);
        events.add(
                new Event(
                        "employment",
                        issuedAt,
                        id(),
                        "PERMIT_ISSUED",
                        citizenship,
                        until,
                        permitId,
                        InputLines.employment(
                                lastId(),
                                text(issuedAt),
                                person,
                                citizenship,
                                "PERMIT_ISSUED",
                                "KZ-75",
                                "Almaty",
                                "permitId",
                                permitId,
                                "category",
                                "CAT3",
                                "permitUntil",
                                until.toString())));
    }

    private void registration(Instant at, String kind, LocalDate validUntil) {
        events.add(
                new Event(
                        "registrations",
                        at,
                        id(),
                        kind,
                        citizenship,
                        validUntil,
                        null,
                        InputLines.registration(
                                lastId(),
                                text(at),
                                person,
                                citizenship,
                                kind,
                                "KZ-71",
                                "Astana",
                                "validUntil",
                                validUntil == null ? null : validUntil.toString())));
    }

    private void crossing(String direction, Instant at, LocalDate permitUntil) {
        InputLines.Checkpoint cp = random.nextBoolean() ? InputLines.SARYAGASH : InputLines.ALMATY;
        events.add(
                new Event(
                        "border-crossings",
                        at,
                        id(),
                        direction,
                        citizenship,
                        permitUntil,
                        null,
                        InputLines.crossing(
                                lastId(),
                                text(at),
                                person,
                                citizenship,
                                direction,
                                cp,
                                "permitUntil",
                                permitUntil == null ? null : permitUntil.toString())));
    }

    /** An instant on {@code day} at {@code hour} (random when {@code null}), random minutes. */
    private Instant at(LocalDate day, Integer hour) {
        int h = hour != null ? hour : random.nextInt(100) < 3 ? 0 : random.nextInt(24);
        int m = h == 0 && random.nextBoolean() ? 0 : random.nextInt(60);
        return OffsetDateTime.of(day, LocalTime.of(h, m), KazakhstanTime.OFFSET).toInstant();
    }

    private String id() {
        ids++;
        return lastId();
    }

    private String lastId() {
        return person + "-" + String.format("%03d", ids);
    }

    private static String text(Instant at) {
        return OffsetDateTime.ofInstant(at, KazakhstanTime.OFFSET).toString();
    }
}
