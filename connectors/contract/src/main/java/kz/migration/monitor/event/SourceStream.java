package kz.migration.monitor.event;

/**
 * The four input streams, in the contract's order for events with the same {@code occurredAt}:
 * reference data, registrations, employment, crossings.
 */
public enum SourceStream {
    REFERENCE_DATA(Topics.REFERENCE_DATA),
    REGISTRATIONS(Topics.REGISTRATIONS),
    EMPLOYMENT(Topics.EMPLOYMENT),
    BORDER_CROSSINGS(Topics.BORDER_CROSSINGS);

    private final String topic;

    SourceStream(String topic) {
        this.topic = topic;
    }

    /**
     * The stream's name: its Kafka topic, its replay file's base name and a dead letter's source.
     */
    public String topic() {
        return topic;
    }

    /** The stream named {@code topic}, or {@code null}. */
    public static SourceStream ofTopic(String topic) {
        for (SourceStream s : values()) {
            if (s.topic.equals(topic)) {
                return s;
            }
        }
        return null;
    }
}
