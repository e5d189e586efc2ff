package kz.migration.monitor.event;

import java.time.LocalDate;

/**
 * The figures of an alert, one record per kind of alert ({@link AlertType#detailsType()}). Only the
 * figures a record has are written out; a {@code null} optional figure is left out.
 */
public sealed interface AlertDetails {

    /** The details of an alert that has no figures. */
    AlertDetails NONE = new None();

    /** No figures: {@code UNAUTHORISED_EMPLOYMENT}. */
    record None() implements AlertDetails {}

    /** {@code OVERSTAY} and {@code OVERSTAY_ENDED}: the unlawful days of the stay. */
    record Overstay(int overstayDays) implements AlertDetails {}

    /**
     * {@code QUOTA_WARNING} and {@code QUOTA_BREACH}.
     *
     * @param category a permit category or {@code ALL}
     * @param permitId the permit whose issue raised the alert, {@code null} for a quota record
     */
    record Quota(int year, String category, long limit, long utilisation, String permitId)
            implements AlertDetails {}

    /**
     * {@code CONTRACT_BREACH}.
     *
     * @param newRegion {@code null} for a deregistration
     */
    record Contract(
            Program program, Region hostRegion, Region newRegion, int months, boolean returned)
            implements AlertDetails {}

    /** {@code INFLOW_SURGE}: the 7-day net inflow and the threshold it exceeds. */
    record Inflow(long netInflow7d, long threshold) implements AlertDetails {}

    /** {@code BANNED_ENTRY}: the last day of the ban in force at the entry. */
    record Ban(LocalDate banUntil) implements AlertDetails {}

    /**
     * {@code PERMIT_OUTSIDE_SHORTAGE}: the year of the issue, the permit's sector ({@code OTHER}
     * when it names none) and the permit.
     */
    record Shortage(int year, Sector sector, String permitId) implements AlertDetails {}
}
