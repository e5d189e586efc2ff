package kz.migration.monitor.stay;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import kz.migration.monitor.event.Program;
import kz.migration.monitor.event.Region;

/**
 * A relocation programme's social contract binding a person to a host region from {@code start}
 * until the same date some years later ({@code end}, exclusive: leaving on that date is no breach).
 *
 * @param previousRegion where the person came from, to tell a settler's return
 */
public record RelocationContract(
        Program program,
        Region hostRegion,
        String hostCity,
        LocalDate start,
        LocalDate end,
        Region previousRegion) {

    public boolean bindsOn(LocalDate day) {
        return day.isBefore(end);
    }

    /** Whole months between the contract's start and {@code day}. */
    public int monthsTo(LocalDate day) {
        return (int) ChronoUnit.MONTHS.between(start, day);
    }

    /** A settler going back where they came from: the planners' return rate. */
    public boolean isReturn(Region newRegion) {
        return program == Program.RESETTLEMENT && newRegion != null && newRegion == previousRegion;
    }
}
