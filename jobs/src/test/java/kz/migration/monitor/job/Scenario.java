package kz.migration.monitor.job;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.migration.monitor.event.SourceStream;

/**
 * A small hand-made day of input touching every kind of alert, a duplicate, an invalid record and
 * events out of order, for end-to-end tests.
 */
final class Scenario {

    private Scenario() {}

    static Map<SourceStream, List<String>> records() {
        Map<SourceStream, List<String>> m = new EnumMap<>(SourceStream.class);
        m.put(
                SourceStream.REFERENCE_DATA,
                List.of(
                        "{\"kind\":\"QUOTA\",\"occurredAt\":\"2026-01-01T00:00:00+05:00\",\"year\":2026,\"region\":\"KZ-23\",\"category\":\"CAT3\",\"limit\":2}",
                        "{\"kind\":\"INFLOW_THRESHOLD\",\"occurredAt\":\"2026-01-01T00:00:00+05:00\",\"region\":\"KZ-71\",\"city\":\"Astana\",\"netInflow7d\":1}"));
        m.put(
                SourceStream.BORDER_CROSSINGS,
                List.of(
                        "{\"eventId\":\"b2\",\"occurredAt\":\"2026-03-20T09:00:00+05:00\",\"personId\":\"P1\",\"citizenship\":\"TJK\",\"direction\":\"EXIT\",\"checkpoint\":\"NQZ-AIRPORT\",\"region\":\"KZ-71\",\"city\":\"Astana\"}",
                        "{\"eventId\":\"b1\",\"occurredAt\":\"2026-02-01T12:00:00+05:00\",\"personId\":\"P1\",\"citizenship\":\"TJK\",\"direction\":\"ENTRY\",\"checkpoint\":\"NQZ-AIRPORT\",\"region\":\"KZ-71\",\"city\":\"astana\"}",
                        "{\"eventId\":\"b1\",\"occurredAt\":\"2026-02-01T13:00:00+05:00\",\"personId\":\"P1\",\"citizenship\":\"TJK\",\"direction\":\"ENTRY\",\"checkpoint\":\"NQZ-AIRPORT\",\"region\":\"KZ-71\",\"city\":\"astana\"}",
                        "{\"eventId\":\"b3\",\"occurredAt\":\"2026-02-10T08:00:00+05:00\",\"personId\":\"P2\",\"citizenship\":\"CHN\",\"direction\":\"ENTRY\",\"checkpoint\":\"KHORGOS\",\"region\":\"KZ-33\",\"city\":\"Khorgos\"}",
                        "{\"eventId\":\"b4\",\"occurredAt\":\"2026-02-10T08:00:00+05:00\",\"personId\":\"P3\",\"citizenship\":\"KAZ\",\"direction\":\"EXIT\",\"checkpoint\":\"KHORGOS\",\"region\":\"KZ-33\",\"city\":\"Khorgos\"}",
                        "{\"eventId\":\"bad\",\"occurredAt\":\"2026-02-10T08:00:00\",\"personId\":\"P3\",\"citizenship\":\"KAZ\",\"direction\":\"EXIT\",\"checkpoint\":\"KHORGOS\",\"region\":\"KZ-33\"}",
                        "not json at all"));
        m.put(
                SourceStream.REGISTRATIONS,
                List.of(
                        "{\"eventId\":\"r1\",\"occurredAt\":\"2026-02-03T10:00:00+05:00\",\"personId\":\"P4\",\"citizenship\":\"KAZ\",\"kind\":\"RESIDENCE_CHANGE\",\"region\":\"KZ-59\",\"city\":\"Petropavl\",\"previousRegion\":\"KZ-61\",\"program\":\"RESETTLEMENT\"}",
                        "{\"eventId\":\"r2\",\"occurredAt\":\"2026-05-03T10:00:00+05:00\",\"personId\":\"P4\",\"citizenship\":\"KAZ\",\"kind\":\"RESIDENCE_CHANGE\",\"region\":\"KZ-61\",\"city\":\"Turkistan\",\"previousRegion\":\"KZ-59\",\"previousCity\":\"Petropavl\"}",
                        "{\"eventId\":\"r3\",\"occurredAt\":\"2026-02-04T10:00:00+05:00\",\"personId\":\"P5\",\"citizenship\":\"KAZ\",\"kind\":\"RESIDENCE_CHANGE\",\"region\":\"KZ-71\",\"city\":\"ASTANA\",\"previousRegion\":\"KZ-75\",\"previousCity\":\"Almaty\"}",
                        "{\"eventId\":\"r4\",\"occurredAt\":\"2026-02-04T11:00:00+05:00\",\"personId\":\"P6\",\"citizenship\":\"UZB\",\"kind\":\"TEMPORARY_RESIDENCE\",\"region\":\"KZ-71\",\"city\":\"Astana\",\"validUntil\":\"2026-12-31\"}",
                        "{\"eventId\":\"r5\",\"occurredAt\":\"2026-02-04T11:00:00+05:00\",\"personId\":\"P6\",\"citizenship\":\"UZB\",\"kind\":\"TEMPORARY_RESIDENCE\",\"region\":\"KZ-71\"}"));
        m.put(
                SourceStream.EMPLOYMENT,
                List.of(
                        "{\"eventId\":\"e1\",\"occurredAt\":\"2026-02-11T10:00:00+05:00\",\"personId\":\"P2\",\"citizenship\":\"CHN\",\"kind\":\"PERMIT_ISSUED\",\"region\":\"KZ-23\",\"city\":\"Atyrau\",\"permitId\":\"W1\",\"category\":\"CAT3\",\"permitUntil\":\"2026-12-31\",\"sector\":\"MINING\"}",
                        "{\"eventId\":\"e2\",\"occurredAt\":\"2026-02-12T10:00:00+05:00\",\"personId\":\"P7\",\"citizenship\":\"TUR\",\"kind\":\"PERMIT_ISSUED\",\"region\":\"KZ-23\",\"city\":\"Atyrau\",\"permitId\":\"W2\",\"category\":\"CAT3\",\"permitUntil\":\"2026-03-31\"}",
                        "{\"eventId\":\"e3\",\"occurredAt\":\"2026-02-13T10:00:00+05:00\",\"personId\":\"P8\",\"citizenship\":\"IND\",\"kind\":\"PERMIT_ISSUED\",\"region\":\"KZ-23\",\"city\":\"Atyrau\",\"permitId\":\"W3\",\"category\":\"CAT3\",\"permitUntil\":\"2026-06-30\"}",
                        "{\"eventId\":\"e4\",\"occurredAt\":\"2026-02-14T10:00:00+05:00\",\"personId\":\"P2\",\"citizenship\":\"CHN\",\"kind\":\"HIRED\",\"region\":\"KZ-23\",\"city\":\"Atyrau\"}",
                        "{\"eventId\":\"e5\",\"occurredAt\":\"2026-02-14T10:00:00+05:00\",\"personId\":\"P9\",\"citizenship\":\"CHN\",\"kind\":\"HIRED\",\"region\":\"KZ-23\",\"city\":\"ATYRAU\"}"));
        return m;
    }
}
