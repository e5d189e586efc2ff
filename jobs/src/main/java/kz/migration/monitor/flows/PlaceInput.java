package kz.migration.monitor.flows;

import java.time.Instant;
import java.util.Comparator;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.pipeline.types.SerializerTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * What a place's ledger reads, one per element: an event's counts, an inflow threshold, or an alert
 * naming a city in the place, whose city is then written as the place spells it.
 */
public record PlaceInput(PlaceEvent event, InflowThreshold threshold, Alert alert) {

    /**
     * Its type in the job: shuffles and the place ledger's state ({@link PlaceInputSerializer}).
     */
    public static final TypeInformation<PlaceInput> TYPE =
            new SerializerTypeInfo<>(PlaceInput.class, PlaceInputSerializer.INSTANCE);

    /** The contract's order (reference data, registrations, employment, crossings); alerts last. */
    public static final Comparator<PlaceInput> ORDER =
            Comparator.comparingInt(PlaceInput::rank).thenComparing(PlaceInput::id);

    public static PlaceInput of(PlaceEvent event) {
        return new PlaceInput(event, null, null);
    }

    public static PlaceInput of(InflowThreshold threshold) {
        return new PlaceInput(null, threshold, null);
    }

    public static PlaceInput of(Alert alert) {
        return new PlaceInput(null, null, alert);
    }

    /** The place this input belongs to. */
    public PlaceKey placeKey() {
        if (event != null) {
            return event.placeKey();
        }
        return threshold != null
                ? PlaceKey.of(threshold.region(), threshold.city())
                : PlaceKey.of(alert.region(), alert.city());
    }

    public Instant at() {
        return event != null
                ? event.occurredAt()
                : threshold != null ? threshold.occurredAt() : alert.raisedAt();
    }

    private int rank() {
        if (threshold != null) {
            return SourceStream.REFERENCE_DATA.ordinal();
        }
        return event != null ? event.stream().ordinal() : SourceStream.values().length;
    }

    private String id() {
        String id =
                event != null
                        ? event.eventId()
                        : threshold != null ? threshold.eventId() : alert.alertId();
        return id == null ? "" : id;
    }
}
