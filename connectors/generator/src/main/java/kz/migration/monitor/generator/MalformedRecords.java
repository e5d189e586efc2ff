package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SplittableRandom;
import kz.migration.monitor.event.Topics;

/**
 * Deliberately invalid records, each derived from a valid one so that it looks like real traffic:
 * text that is not a JSON object, a missing required field, a value outside an enum, an instant
 * without an offset, an unknown region code, a bad citizenship, or a document that ends before the
 * day it is presented. Each gets an {@code eventId} of its own, so that it never shadows a valid
 * record in de-duplication.
 */
final class MalformedRecords {

    private static final List<String> REQUIRED_EVERYWHERE =
            List.of("eventId", "occurredAt", "personId", "citizenship", "region");

    private final SplittableRandom rng;
    private final IdSource ids;
    private final InstantText time;

    MalformedRecords(SplittableRandom rng, InstantText time) {
        this.rng = rng;
        this.ids = new IdSource(rng.split());
        this.time = time;
    }

    /** The text of an invalid record derived from {@code valid}. */
    String from(RenderedRecord valid) {
        ObjectNode json = valid.json().deepCopy();
        json.put("eventId", ids.newEventId());
        boolean crossing = Topics.BORDER_CROSSINGS.equals(valid.stream());
        switch (rng.nextInt(8)) {
            case 0 -> {
                String text = json.toString();
                return text.substring(0, text.length() / 2);
            }
            case 1 ->
                    json.remove(
                            crossing && rng.nextBoolean()
                                    ? "direction"
                                    : REQUIRED_EVERYWHERE.get(
                                            rng.nextInt(REQUIRED_EVERYWHERE.size())));
            case 2 -> json.put(crossing ? "purpose" : "kind", "FOO");
            case 3 -> json.put("occurredAt", time.formatWithoutOffset(valid.at()));
            case 4 -> json.put("region", "KZ-99");
            case 5 -> json.put("citizenship", "kz");
            case 6 ->
                    json.put(
                            Topics.REGISTRATIONS.equals(valid.stream())
                                    ? "validUntil"
                                    : "permitUntil",
                            InstantText.dateOf(valid.at())
                                    .minusDays(1 + rng.nextInt(30))
                                    .toString());
            default -> {
                return "[" + json + "]";
            }
        }
        return json.toString();
    }
}
