package kz.migration.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;

/**
 * Valid input events for the operator tests, written in Kazakhstan time so that a test reads like
 * the contract: {@code at("2026-03-01T10:00")} is 10:00+05:00 on 1 March.
 */
public final class SampleEvents {

    private SampleEvents() {}

    /** An instant given as local Kazakhstan date and time ({@code yyyy-MM-ddTHH:mm}). */
    public static Instant at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + ":00+05:00").toInstant();
    }

    /** The instant a local day ends (00:00+05:00 of the next day). */
    public static Instant endOf(String date) {
        return KazakhstanTime.endOf(LocalDate.parse(date));
    }

    /** {@link #endOf} in epoch milliseconds, as the watermark is given. */
    public static long endMillisOf(String date) {
        return endOf(date).toEpochMilli();
    }

    public static BorderCrossing entry(String id, String at, String person, String citizenship) {
        return crossing(id, at, person, citizenship, Direction.ENTRY, null);
    }

    /** An entry presenting a visa or permit valid through {@code permitUntil}. */
    public static BorderCrossing entryWithVisa(
            String id, String at, String person, String citizenship, String permitUntil) {
        return crossing(id, at, person, citizenship, Direction.ENTRY, LocalDate.parse(permitUntil));
    }

    public static BorderCrossing exit(String id, String at, String person, String citizenship) {
        return crossing(id, at, person, citizenship, Direction.EXIT, null);
    }

    /** A crossing at the Saryagash checkpoint (KZ-61), or Khorgos (KZ-33) for exits. */
    private static BorderCrossing crossing(
            String id,
            String at,
            String person,
            String citizenship,
            Direction direction,
            LocalDate permitUntil) {
        boolean entry = direction == Direction.ENTRY;
        return new BorderCrossing(
                id,
                at(at),
                person,
                citizenship,
                direction,
                entry ? "ZHIBEK-ZHOLY" : "KHORGOS",
                entry ? Region.KZ_61 : Region.KZ_33,
                entry ? "Saryagash" : "Khorgos",
                null,
                permitUntil);
    }

    public static Registration registration(
            String id,
            String at,
            String person,
            RegistrationKind kind,
            Region region,
            String city,
            String validUntil) {
        return new Registration(
                id,
                at(at),
                person,
                "UZB",
                kind,
                region,
                city,
                null,
                null,
                validUntil == null ? null : LocalDate.parse(validUntil),
                null);
    }

    public static Employment permitIssued(
            String id,
            String at,
            String person,
            String permitId,
            Region region,
            PermitCategory category,
            String permitUntil) {
        return new Employment(
                id,
                at(at),
                person,
                "UZB",
                EmploymentKind.PERMIT_ISSUED,
                region,
                null,
                permitId,
                category,
                LocalDate.parse(permitUntil),
                null,
                null);
    }

    public static Employment permitRevoked(
            String id, String at, String person, String permitId, Region region) {
        return new Employment(
                id,
                at(at),
                person,
                "UZB",
                EmploymentKind.PERMIT_REVOKED,
                region,
                null,
                permitId,
                null,
                null,
                null,
                null);
    }
}
