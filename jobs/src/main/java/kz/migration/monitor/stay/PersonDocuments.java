package kz.migration.monitor.stay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Region;

/**
 * What a person holds that matters for stays and hires: the days their documents cover, their
 * active permits, their permanent residence and their registered address.
 *
 * <p>Lists are plain {@link ArrayList}s, never mutated once built, so Kryo can restore them from a
 * checkpoint.
 *
 * <p>Documents only ever cover days from their own event's day on, and cutting one short (a
 * revocation, a deregistration, a replacement) keeps the day of that event covered. So a day's
 * coverage is final once the day is over, which lets stays be evaluated lazily, days at a time.
 *
 * @param permanentUntil last day of permanent residence, {@code null} while it lasts
 */
public record PersonDocuments(
        List<CoverPeriod> periods,
        List<Permit> permits,
        Instant permanentSince,
        LocalDate permanentUntil,
        Region residenceRegion,
        String residenceCity) {

    public static final PersonDocuments NONE =
            new PersonDocuments(new ArrayList<>(), new ArrayList<>(), null, null, null, null);

    public boolean covers(long day) {
        for (CoverPeriod p : periods) {
            if (p.covers(day)) {
                return true;
            }
        }
        return false;
    }

    /** The last day any current document covers, or {@code -1}. */
    public long lastCoveredDay() {
        long last = -1;
        for (CoverPeriod p : periods) {
            last = Math.max(last, p.toDay());
        }
        return last;
    }

    public boolean hasPermanentResidenceAt(Instant t) {
        return permanentSince != null
                && !permanentSince.isAfter(t)
                && (permanentUntil == null || !KazakhstanTime.dateOf(t).isAfter(permanentUntil));
    }

    public boolean hasActivePermitIn(Region region, Instant t) {
        for (Permit p : permits) {
            if (p.region() == region && p.activeAt(t)) {
                return true;
            }
        }
        return false;
    }

    public PersonDocuments withVisa(LocalDate from, LocalDate until) {
        return withPeriod(new CoverPeriod("visa", from.toEpochDay(), until.toEpochDay()));
    }

    public PersonDocuments withTemporaryResidence(
            LocalDate from, LocalDate until, Region region, String city) {
        return withPeriod(new CoverPeriod("temporary", from.toEpochDay(), until.toEpochDay()))
                .livingIn(region, city);
    }

    public PersonDocuments withPermanentResidence(Instant since, Region region, String city) {
        PersonDocuments d =
                withPeriod(
                        new CoverPeriod(
                                "permanent",
                                KazakhstanTime.dateOf(since).toEpochDay(),
                                Long.MAX_VALUE));
        return new PersonDocuments(d.periods, d.permits, since, null, region, city);
    }

    public PersonDocuments livingIn(Region region, String city) {
        return new PersonDocuments(periods, permits, permanentSince, permanentUntil, region, city);
    }

    /** Ends temporary and permanent residence after {@code day}, and the registered address. */
    public PersonDocuments deregistered(LocalDate day) {
        List<CoverPeriod> cut = new ArrayList<>(periods.size());
        for (CoverPeriod p : periods) {
            boolean residence =
                    p.document().equals("temporary") || p.document().equals("permanent");
            cut.add(residence ? p.endingOn(day.toEpochDay()) : p);
        }
        LocalDate until =
                permanentSince == null
                        ? null
                        : permanentUntil == null || permanentUntil.isAfter(day)
                                ? day
                                : permanentUntil;
        return new PersonDocuments(
                new ArrayList<>(cut), permits, permanentSince, until, null, null);
    }

    /** Issues (or replaces) a permit: the replaced one still covers the day of its replacement. */
    public PersonDocuments withPermit(Permit permit) {
        long day = KazakhstanTime.dateOf(permit.issuedAt()).toEpochDay();
        PersonDocuments d = permitEnded(permit.permitId(), day);
        List<Permit> permits = new ArrayList<>(d.permits);
        permits.add(permit);
        return new PersonDocuments(
                        d.periods,
                        new ArrayList<>(permits),
                        permanentSince,
                        permanentUntil,
                        residenceRegion,
                        residenceCity)
                .withPeriod(
                        new CoverPeriod(
                                "permit:" + permit.permitId(), day, permit.until().toEpochDay()));
    }

    /** Revokes a permit; an unknown one changes nothing. */
    public PersonDocuments withPermitRevoked(String permitId, Instant at) {
        return permitEnded(permitId, KazakhstanTime.dateOf(at).toEpochDay());
    }

    private PersonDocuments permitEnded(String permitId, long lastDay) {
        String document = "permit:" + permitId;
        List<CoverPeriod> cut = new ArrayList<>(periods.size());
        for (CoverPeriod p : periods) {
            cut.add(p.document().equals(document) ? p.endingOn(lastDay) : p);
        }
        List<Permit> kept = new ArrayList<>(permits.size());
        for (Permit p : permits) {
            if (!p.permitId().equals(permitId)) {
                kept.add(p);
            }
        }
        return new PersonDocuments(
                new ArrayList<>(cut),
                new ArrayList<>(kept),
                permanentSince,
                permanentUntil,
                residenceRegion,
                residenceCity);
    }

    private PersonDocuments withPeriod(CoverPeriod period) {
        List<CoverPeriod> more = new ArrayList<>(periods);
        more.add(period);
        return new PersonDocuments(
                new ArrayList<>(more),
                permits,
                permanentSince,
                permanentUntil,
                residenceRegion,
                residenceCity);
    }

    /** Drops what can no longer cover a day from {@code today} on, nor authorise a hire. */
    public PersonDocuments pruned(long today) {
        List<CoverPeriod> live = new ArrayList<>(periods.size());
        for (CoverPeriod p : periods) {
            if (p.toDay() >= today) {
                live.add(p);
            }
        }
        List<Permit> active = new ArrayList<>(permits.size());
        for (Permit p : permits) {
            if (p.until().toEpochDay() >= today) {
                active.add(p);
            }
        }
        boolean permanentOver = permanentUntil != null && permanentUntil.toEpochDay() < today;
        if (live.size() == periods.size() && active.size() == permits.size() && !permanentOver) {
            // Unchanged, the same value: the monitor then has nothing to write back to state.
            return this;
        }
        return new PersonDocuments(
                new ArrayList<>(live),
                new ArrayList<>(active),
                permanentOver ? null : permanentSince,
                permanentOver ? null : permanentUntil,
                residenceRegion,
                residenceCity);
    }

    public boolean isEmpty() {
        return periods.isEmpty()
                && permits.isEmpty()
                && permanentSince == null
                && residenceRegion == null;
    }
}
