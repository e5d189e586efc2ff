package kz.migration.monitor.metrics;

import java.util.Objects;

/**
 * A change of a domain gauge that an operator sends to {@link DomainGauges} on the side output
 * {@link DomainGauges#CHANGES}: a count that moves ({@link Mode#ADD}, e.g. people present, summed
 * over the keys of an operator) or a value that one key owns ({@link Mode#SET}, e.g. a place's net
 * inflow).
 */
public record GaugeChange(GaugeSeries series, Mode mode, double value) {

    /** How a change applies to the current value. */
    public enum Mode {
        /** Adds {@code value} to the current value. */
        ADD,
        /** Replaces the current value with {@code value}. */
        SET
    }

    public GaugeChange {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(mode, "mode");
    }

    /** Moves {@code series} by {@code delta}. */
    public static GaugeChange add(GaugeSeries series, double delta) {
        return new GaugeChange(series, Mode.ADD, delta);
    }

    /** Sets {@code series} to {@code value}. */
    public static GaugeChange set(GaugeSeries series, double value) {
        return new GaugeChange(series, Mode.SET, value);
    }

    /** The series' value after this change, from {@code current} (0 for a new series). */
    public double applyTo(double current) {
        return mode == Mode.ADD ? current + value : value;
    }
}
