package kz.migration.monitor.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Slows delivery to a downstream sink: either to at most a number of records per second, or to
 * event time played back faster than real time (simulated seconds per real second), optionally only
 * from an instant on, so that the history before it is delivered as fast as the sink takes it. Late
 * and duplicate records never make it wait, because their event time is already past.
 */
public final class PacedSink implements GeneratedRecordSink {

    private final GeneratedRecordSink downstream;
    private final double recordsPerSecond;
    private final double speedup;
    private final Instant pacedFrom;
    private long startNanos = -1;
    private Instant firstEventTime;
    private long delivered;

    private PacedSink(
            GeneratedRecordSink downstream,
            double recordsPerSecond,
            double speedup,
            Instant pacedFrom) {
        this.downstream = downstream;
        this.recordsPerSecond = recordsPerSecond;
        this.speedup = speedup;
        this.pacedFrom = pacedFrom;
    }

    /** At most {@code recordsPerSecond} records a second on average. */
    public static PacedSink atRate(GeneratedRecordSink downstream, double recordsPerSecond) {
        if (!(recordsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + recordsPerSecond);
        }
        return new PacedSink(downstream, recordsPerSecond, 0, null);
    }

    /** Event time replayed at {@code speedup} simulated seconds per real second. */
    public static PacedSink byEventTime(GeneratedRecordSink downstream, double speedup) {
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("speedup must be positive: " + speedup);
        }
        return new PacedSink(downstream, 0, speedup, null);
    }

    /**
     * Records before {@code pacedFrom} as fast as {@code downstream} takes them (a history to catch
     * up on), then event time from {@code pacedFrom} on at {@code speedup} simulated seconds per
     * real second.
     */
    public static PacedSink byEventTime(
            GeneratedRecordSink downstream, double speedup, Instant pacedFrom) {
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("speedup must be positive: " + speedup);
        }
        return new PacedSink(downstream, 0, speedup, Objects.requireNonNull(pacedFrom));
    }

    @Override
    public void accept(String stream, String key, String json, Instant occurredAt) {
        if (pacedFrom != null && occurredAt.isBefore(pacedFrom)) {
            downstream.accept(stream, key, json, occurredAt);
            delivered++;
            return;
        }
        if (startNanos < 0) {
            startNanos = System.nanoTime();
            firstEventTime = pacedFrom == null ? occurredAt : pacedFrom;
        }
        double dueSeconds =
                speedup > 0
                        ? Duration.between(firstEventTime, occurredAt).toMillis() / 1000.0 / speedup
                        : delivered / recordsPerSecond;
        waitUntil(startNanos + (long) (dueSeconds * 1e9));
        downstream.accept(stream, key, json, occurredAt);
        delivered++;
    }

    private static void waitUntil(long nanos) {
        long ahead = nanos - System.nanoTime();
        // sleeping for less than a millisecond costs more than it saves
        if (ahead > 1_000_000) {
            try {
                Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing", e);
            }
        }
    }
}
