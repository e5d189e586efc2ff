package kz.migration.monitor.json;

import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;

/** The outcome of parsing one raw record: a valid event or a dead letter, never both. */
public record Parsed<T extends InputEvent>(T event, DeadLetter deadLetter) {

    public static <T extends InputEvent> Parsed<T> valid(T event) {
        return new Parsed<>(event, null);
    }

    public static <T extends InputEvent> Parsed<T> rejected(DeadLetter deadLetter) {
        return new Parsed<>(null, deadLetter);
    }

    public boolean isValid() {
        return event != null;
    }
}
