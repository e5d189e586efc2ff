package kz.migration.monitor.json;

import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.Purpose;
import kz.migration.monitor.event.SourceStream;

/** Parser of the {@code border-crossings} stream. */
public final class BorderCrossingParser extends InputParser<BorderCrossing> {

    private static final long serialVersionUID = 2L;

    BorderCrossingParser(Pseudonymiser pseudonymiser) {
        super(pseudonymiser);
    }

    @Override
    public SourceStream stream() {
        return SourceStream.BORDER_CROSSINGS;
    }

    @Override
    BorderCrossing read(Common c, RecordFields f) throws InvalidFieldException {
        return new BorderCrossing(
                c.eventId(),
                c.occurredAt(),
                c.subjectRef(),
                c.citizenship(),
                f.requireEnum("direction", Direction.class),
                f.requireString("checkpoint", 32),
                f.requireRegion("region"),
                f.optionalCity("city"),
                f.optionalEnum("purpose", Purpose.class),
                f.optionalDateFrom("permitUntil", c.occurredAt()));
    }
}
