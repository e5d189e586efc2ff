package kz.migration.monitor.labour;

import java.time.LocalDate;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.Region;

/** The issue that made a permit active, as the registry remembers it. */
public record ActivePermit(
        Region region,
        PermitCategory category,
        int year,
        LocalDate until,
        String subjectRef,
        String citizenship) {}
