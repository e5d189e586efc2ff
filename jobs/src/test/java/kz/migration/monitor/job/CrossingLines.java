package kz.migration.monitor.job;

import java.time.Instant;
import java.time.ZoneOffset;

/** Border-crossing lines as a producer writes them, for the tests of replay's first pass. */
final class CrossingLines {

    private CrossingLines() {}

    /** A crossing of P1 (UZB) at {@code at}; valid unless {@code direction} is not one. */
    static String crossing(String id, long at, String direction, String city) {
        return "{\"eventId\":\""
                + id
                + "\",\"occurredAt\":\""
                + Instant.ofEpochMilli(at).atOffset(ZoneOffset.ofHours(5))
                + "\",\"personId\":\"P1\",\"citizenship\":\"UZB\",\"direction\":\""
                + direction
                + "\",\"checkpoint\":\"NQZ-AIRPORT\",\"region\":\"KZ-71\",\"city\":\""
                + city
                + "\"}";
    }
}
