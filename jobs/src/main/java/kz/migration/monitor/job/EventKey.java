package kz.migration.monitor.job;

import kz.migration.monitor.event.InputEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The identity of an input event: its {@code eventId} within its stream (the same id in another
 * stream is another event).
 *
 * @param stream the stream's topic name, e.g. {@code border-crossings}
 */
public record EventKey(String stream, String eventId) {

    /** Analysed by Flink as a POJO, never handed to Kryo. */
    public static final TypeInformation<EventKey> TYPE = Types.POJO(EventKey.class);

    public static EventKey of(InputEvent e) {
        return new EventKey(e.stream().topic(), e.eventId());
    }

    /**
     * Spelled out: Flink routes keys by their hash code, and a record's own is unspecified and may
     * differ between JDKs. Events without an id (reference data may have none) share one key.
     */
    @Override
    public int hashCode() {
        return 31 * stream.hashCode() + (eventId == null ? 0 : eventId.hashCode());
    }
}
