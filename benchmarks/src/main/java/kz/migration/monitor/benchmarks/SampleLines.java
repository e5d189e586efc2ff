package kz.migration.monitor.benchmarks;

import kz.migration.monitor.event.SourceStream;

/**
 * One typical record of each input stream, as the generator writes them: the richest common shape
 * (a crossing with a visa, a temporary residence, a permit issue, a quota).
 */
final class SampleLines {

    static final String CROSSING =
            "{\"eventId\":\"7fb384ef-2109-40b2-8fd3-4b12d124c1f2\","
                + "\"occurredAt\":\"2026-01-01T05:04:30+05:00\",\"personId\":\"P050431167\","
                + "\"citizenship\":\"KGZ\",\"direction\":\"ENTRY\",\"checkpoint\":\"AISHA-BIBI\","
                + "\"region\":\"KZ-31\",\"city\":\"Taraz\",\"purpose\":\"BUSINESS\","
                + "\"permitUntil\":\"2026-04-10\"}";

    static final String REGISTRATION =
            "{\"eventId\":\"30e9a6a8-c9cb-45ff-ab9f-3428db0c84d3\","
                + "\"occurredAt\":\"2026-01-01T09:01:47+05:00\",\"personId\":\"P796154346\","
                + "\"citizenship\":\"UZB\",\"kind\":\"TEMPORARY_RESIDENCE\",\"region\":\"KZ-33\","
                + "\"city\":\"Tekeli\",\"validUntil\":\"2026-11-27\"}";

    static final String EMPLOYMENT =
            "{\"eventId\":\"8c60d92d-3f5b-4222-9cae-1dfce4f01cd4\","
                + "\"occurredAt\":\"2026-01-01T12:32:11+05:00\",\"personId\":\"P230076351\","
                + "\"citizenship\":\"UZB\",\"kind\":\"PERMIT_ISSUED\",\"region\":\"KZ-33\","
                + "\"city\":\"Taldykorgan\",\"permitId\":\"WP-330064-17\",\"category\":\"CAT2\","
                + "\"permitUntil\":\"2026-12-31\",\"sector\":\"CONSTRUCTION\","
                + "\"employerId\":\"E330064\"}";

    static final String REFERENCE =
            "{\"kind\":\"QUOTA\",\"occurredAt\":\"2026-01-01T00:00:00+05:00\",\"year\":2026,"
                    + "\"region\":\"KZ-35\",\"category\":\"CAT2\",\"limit\":126}";

    private SampleLines() {}

    static String of(SourceStream stream) {
        return switch (stream) {
            case BORDER_CROSSINGS -> CROSSING;
            case REGISTRATIONS -> REGISTRATION;
            case EMPLOYMENT -> EMPLOYMENT;
            case REFERENCE_DATA -> REFERENCE;
        };
    }
}
