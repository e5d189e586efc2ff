package kz.migration.monitor.stay;

import kz.migration.monitor.event.Severity;

/**
 * The tiers of an overstay (Code of Administrative Offences, art. 517): up to 3 unlawful days a
 * warning, 4 to 10 a fine, over 10 expulsion. {@code OVERSTAY} is raised on the first day of each
 * tier, and an alert's severity is the tier of its {@code overstayDays}.
 */
public enum OverstayTier {
    WARNING(1, Severity.WARNING),
    FINE(4, Severity.MAJOR),
    EXPULSION(11, Severity.CRITICAL);

    private static final OverstayTier[] TIERS = values();

    private final int firstDay;
    private final Severity severity;

    OverstayTier(int firstDay, Severity severity) {
        this.firstDay = firstDay;
        this.severity = severity;
    }

    /** The unlawful day of a stay that enters this tier, and raises {@code OVERSTAY}. */
    public int firstDay() {
        return firstDay;
    }

    public Severity severity() {
        return severity;
    }

    /** The tier below, or {@code null} for the first. */
    public OverstayTier previous() {
        return ordinal() == 0 ? null : TIERS[ordinal() - 1];
    }

    /** The tier of {@code overstayDays} unlawful days (at least 1). */
    public static OverstayTier of(int overstayDays) {
        if (overstayDays < WARNING.firstDay) {
            throw new IllegalArgumentException("no overstay in " + overstayDays + " days");
        }
        OverstayTier tier = WARNING;
        for (OverstayTier t : TIERS) {
            if (overstayDays >= t.firstDay) {
                tier = t;
            }
        }
        return tier;
    }

    /** Whether the {@code unlawfulDays}-th unlawful day of a stay enters a tier. */
    public static boolean isFirstDay(int unlawfulDays) {
        for (OverstayTier t : TIERS) {
            if (t.firstDay == unlawfulDays) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code unlawfulDays} reached the last tier, after which no day raises more. */
    public static boolean isLast(int unlawfulDays) {
        return unlawfulDays >= EXPULSION.firstDay;
    }
}
