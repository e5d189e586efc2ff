package kz.migration.monitor.flows;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import kz.migration.monitor.event.CitizenshipGroup;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.SourceStream;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sums, before the place ledger's shuffle, the counting events that share a place as spelled, a
 * stream, a citizenship group and a Kazakhstan day into one event: for Flink's {@code BATCH} mode,
 * which sorts every keyed input, and where the place ledger's input was every crossing twice (its
 * region and its city), a few dozen keys compared by their bytes, the largest cost of replay's
 * sorts.
 *
 * <p>The ledger adds a day's counts in any order, so only what it reads from single events must
 * survive: the sum stands at the earliest of its events by the ledger's order (timestamp, then
 * {@code eventId}; they share a stream) and carries that event's id, so the spelling first seen,
 * the day and the last active day are those the single events give. Events that count nothing,
 * thresholds and alerts pass on as they come.
 *
 * <p>At most {@code maxHeld} sums are held; another one sends all on first. The streaming job has
 * no such operator: it would hold events back until its input ended.
 */
public final class PlaceEventCombiner extends AbstractStreamOperator<PlaceInput>
        implements OneInputStreamOperator<PlaceInput, PlaceInput>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final int maxHeld;

    private transient Map<Share, Sum> held;

    /** A combiner that holds at most {@code maxHeld} sums. */
    public PlaceEventCombiner(int maxHeld) {
        if (maxHeld < 1) {
            throw new IllegalArgumentException("maxHeld must be at least 1, not " + maxHeld);
        }
        this.maxHeld = maxHeld;
    }

    @Override
    public void open() throws Exception {
        super.open();
        held = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<PlaceInput> element) {
        PlaceEvent e = element.getValue().event();
        if (e == null || !e.counts()) {
            output.collect(element);
            return;
        }
        // The record object may be reused by the operator before: keep only its value and time.
        long ts = element.getTimestamp();
        Share share =
                new Share(
                        e.region(),
                        e.spelling(),
                        e.stream(),
                        e.group(),
                        KazakhstanTime.dateOf(e.occurredAt()).toEpochDay());
        Sum sum = held.get(share);
        if (sum != null) {
            sum.add(e, ts);
            return;
        }
        if (held.size() >= maxHeld) {
            sendAll();
        }
        held.put(share, new Sum(e, ts));
    }

    @Override
    public void endInput() {
        sendAll();
    }

    /** How many sums are held, for tests. */
    int held() {
        return held.size();
    }

    private void sendAll() {
        for (Sum s : held.values()) {
            output.collect(new StreamRecord<>(PlaceInput.of(s.event()), s.firstTimestamp));
        }
        held.clear();
    }

    /** What the events summed into one share. */
    private record Share(
            Region region,
            String spelling,
            SourceStream stream,
            CitizenshipGroup group,
            long epochDay) {}

    /** The counts of a share so far, and its earliest event. */
    private static final class Sum {
        private PlaceEvent first;
        private long firstTimestamp;
        private int entries;
        private int exits;
        private int arrivals;
        private int departures;
        private int permits;
        private int hires;

        Sum(PlaceEvent e, long ts) {
            first = e;
            firstTimestamp = ts;
            count(e);
        }

        void add(PlaceEvent e, long ts) {
            if (ts < firstTimestamp
                    || (ts == firstTimestamp && idOf(e).compareTo(idOf(first)) < 0)) {
                first = e;
                firstTimestamp = ts;
            }
            count(e);
        }

        private void count(PlaceEvent e) {
            entries = Math.addExact(entries, e.entries());
            exits = Math.addExact(exits, e.exits());
            arrivals = Math.addExact(arrivals, e.arrivals());
            departures = Math.addExact(departures, e.departures());
            permits = Math.addExact(permits, e.permits());
            hires = Math.addExact(hires, e.hires());
        }

        PlaceEvent event() {
            return new PlaceEvent(
                    first.region(),
                    first.spelling(),
                    first.stream(),
                    first.eventId(),
                    first.occurredAt(),
                    first.group(),
                    entries,
                    exits,
                    arrivals,
                    departures,
                    permits,
                    hires);
        }

        /** As {@link PlaceInput#ORDER} reads an event's id. */
        private static String idOf(PlaceEvent e) {
            return Objects.requireNonNullElse(e.eventId(), "");
        }
    }
}
