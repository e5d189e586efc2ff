package kz.migration.monitor.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One series of a domain gauge: the metric's Prometheus name and its labels, in the order they are
 * nested as Flink metric groups. Labels are bounded sets (regions, groups, categories, settlements)
 * and never name a person.
 *
 * @param name the Prometheus name, {@code migration_*}
 * @param labels the labels, each once
 */
public record GaugeSeries(String name, List<Label> labels) {

    /** A label of a series. */
    public record Label(String name, String value) {
        public Label {
            Objects.requireNonNull(name, "label name");
            Objects.requireNonNull(value, "label value");
        }
    }

    public GaugeSeries {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
    }

    /**
     * The series {@code name} with labels given as name, value, name, value, ...; a {@code null}
     * value is written as the empty label ({@code ""}, which Prometheus treats as absent).
     */
    public static GaugeSeries of(String name, String... labelNamesAndValues) {
        if (labelNamesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(name + ": labels must come as name, value pairs");
        }
        List<Label> labels = new ArrayList<>(labelNamesAndValues.length / 2);
        for (int i = 0; i < labelNamesAndValues.length; i += 2) {
            String value = labelNamesAndValues[i + 1];
            labels.add(new Label(labelNamesAndValues[i], value == null ? "" : value));
        }
        return new GaugeSeries(name, labels);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append('{');
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            s.append(i == 0 ? "" : ",")
                    .append(l.name())
                    .append("=\"")
                    .append(l.value())
                    .append('"');
        }
        return s.append('}').toString();
    }
}
