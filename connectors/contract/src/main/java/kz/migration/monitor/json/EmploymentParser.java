package kz.migration.monitor.json;

import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.SourceStream;

/** Parser of the {@code employment} stream. */
public final class EmploymentParser extends InputParser<Employment> {

    private static final long serialVersionUID = 2L;

    EmploymentParser(Pseudonymiser pseudonymiser) {
        super(pseudonymiser);
    }

    @Override
    public SourceStream stream() {
        return SourceStream.EMPLOYMENT;
    }

    @Override
    Employment read(Common c, RecordFields f) throws InvalidFieldException {
        EmploymentKind kind = f.requireEnum("kind", EmploymentKind.class);
        var region = f.requireRegion("region");
        String city = f.optionalCity("city");
        boolean permitEvent =
                kind == EmploymentKind.PERMIT_ISSUED || kind == EmploymentKind.PERMIT_REVOKED;
        String permitId =
                permitEvent ? f.requireString("permitId", 64) : f.optionalString("permitId", 64);
        boolean issue = kind == EmploymentKind.PERMIT_ISSUED;
        PermitCategory category =
                issue
                        ? f.requireEnum("category", PermitCategory.class)
                        : f.optionalEnum("category", PermitCategory.class);
        var permitUntil =
                issue
                        ? f.requireDateFrom("permitUntil", c.occurredAt())
                        : f.optionalDateFrom("permitUntil", c.occurredAt());
        return new Employment(
                c.eventId(),
                c.occurredAt(),
                c.subjectRef(),
                c.citizenship(),
                kind,
                region,
                city,
                permitId,
                category,
                permitUntil,
                f.optionalEnum("sector", kz.migration.monitor.event.Sector.class),
                f.optionalText("employerId"));
    }
}
