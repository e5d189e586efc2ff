package kz.migration.monitor.bench;

import java.util.concurrent.atomic.AtomicLong;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertType;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The bench's alert sink: counts alerts and notes when the probe's {@code OVERSTAY_ENDED} arrives
 * (no other person of the generated traffic overstays). Its figures live in this JVM, as the
 * bench's MiniCluster does.
 */
final class ProbeSink implements Sink<Alert> {

    private static final long serialVersionUID = 1L;

    private static final AtomicLong ALERTS = new AtomicLong();
    private static final AtomicLong PROBE_SEEN_NANOS = new AtomicLong();

    /** Forgets the probe, for a restored job. */
    static void reset() {
        PROBE_SEEN_NANOS.set(0);
    }

    /** {@link System#nanoTime} when the probe's alert arrived, or 0. */
    static long probeSeenNanos() {
        return PROBE_SEEN_NANOS.get();
    }

    static long alerts() {
        return ALERTS.get();
    }

    @Override
    public SinkWriter<Alert> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(Alert alert, Context ctx) {
                ALERTS.incrementAndGet();
                if (alert.type() == AlertType.OVERSTAY_ENDED) {
                    PROBE_SEEN_NANOS.compareAndSet(0, System.nanoTime());
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
