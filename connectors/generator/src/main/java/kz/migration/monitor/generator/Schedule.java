package kz.migration.monitor.generator;

import java.util.PriorityQueue;

/**
 * Events planned for now or later, taken out in event-time order. Ties keep the order in which they
 * were planned, so the output does not depend on the queue's internals.
 */
final class Schedule {

    private record Slot(long at, long seq, PlannedEvent event) {}

    private final PriorityQueue<Slot> queue =
            new PriorityQueue<>(
                    (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long seq;
    private final long notBefore;

    /** Events before {@code notBefore} (epoch seconds) are dropped: they fall before the output. */
    Schedule(long notBefore) {
        this.notBefore = notBefore;
    }

    void add(PlannedEvent event) {
        if (event.at() >= notBefore) {
            queue.add(new Slot(event.at(), seq++, event));
        }
    }

    /** The next event strictly before {@code end}, or null. */
    PlannedEvent pollBefore(long end) {
        Slot head = queue.peek();
        if (head == null || head.at >= end) {
            return null;
        }
        return queue.poll().event;
    }
}
