package kz.migration.monitor.json;

import kz.migration.monitor.event.Program;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import kz.migration.monitor.event.SourceStream;

/** Parser of the {@code registrations} stream. */
public final class RegistrationParser extends InputParser<Registration> {

    private static final long serialVersionUID = 2L;

    RegistrationParser(Pseudonymiser pseudonymiser) {
        super(pseudonymiser);
    }

    @Override
    public SourceStream stream() {
        return SourceStream.REGISTRATIONS;
    }

    @Override
    Registration read(Common c, RecordFields f) throws InvalidFieldException {
        RegistrationKind kind = f.requireEnum("kind", RegistrationKind.class);
        Region region = f.requireRegion("region");
        String city = f.optionalCity("city");
        Region previousRegion =
                kind == RegistrationKind.RESIDENCE_CHANGE
                        ? f.requireRegion("previousRegion")
                        : f.optionalRegion("previousRegion");
        String previousCity = f.optionalCity("previousCity");
        var validUntil =
                kind == RegistrationKind.TEMPORARY_RESIDENCE
                        ? f.requireDateFrom("validUntil", c.occurredAt())
                        : f.optionalDateFrom("validUntil", c.occurredAt());
        Program program = f.optionalEnum("program", Program.class);
        return new Registration(
                c.eventId(),
                c.occurredAt(),
                c.subjectRef(),
                c.citizenship(),
                kind,
                region,
                city,
                previousRegion,
                previousCity,
                validUntil,
                program);
    }
}
