package kz.migration.monitor.generator;

import java.time.Instant;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Delivers records as a real feed would: most in event-time order, some a few seconds behind (out
 * of order), some minutes behind (late), some twice (duplicates, a few claiming a later {@code
 * occurredAt}), and some followed by an invalid record. Held records wait in a small queue until
 * the feed's clock passes their release time.
 */
final class DeliveryDisorder {

    private record Held(long releaseAt, long seq, RenderedRecord record) {}

    private final GeneratorSettings settings;
    private final SplittableRandom rng;
    private final InstantText time;
    private final MalformedRecords malformed;
    private final GeneratedRecordSink sink;
    private final PriorityQueue<Held> held =
            new PriorityQueue<>(
                    (a, b) ->
                            a.releaseAt != b.releaseAt
                                    ? Long.compare(a.releaseAt, b.releaseAt)
                                    : Long.compare(a.seq, b.seq));
    private long seq;

    DeliveryDisorder(
            GeneratorSettings settings,
            SplittableRandom rng,
            InstantText time,
            GeneratedRecordSink sink) {
        this.settings = settings;
        this.rng = rng;
        this.time = time;
        this.malformed = new MalformedRecords(rng.split(), time);
        this.sink = sink;
    }

    void offer(RenderedRecord record) {
        release(record.at());
        if (chance(settings.lateShare())) {
            hold(record, record.at() + Volume.between(rng, 60, 600));
        } else if (chance(settings.outOfOrderShare())) {
            hold(record, record.at() + Volume.between(rng, 1, 30));
        } else {
            deliver(record);
        }
        if (chance(settings.duplicateShare())) {
            RenderedRecord copy = rng.nextDouble() < 0.4 ? laterCopy(record) : record;
            hold(copy, record.at() + Volume.between(rng, 1, 600));
        }
        if (chance(settings.malformedShare())) {
            sink.accept(
                    record.stream(),
                    record.key(),
                    malformed.from(record),
                    Instant.ofEpochSecond(record.at()));
        }
    }

    /**
     * Delivers {@code record} in its place, with no disorder: reference data and storylines, whose
     * effect must not depend on the disorder shares.
     */
    void offerExact(RenderedRecord record) {
        release(record.at());
        deliver(record);
    }

    /** Delivers everything still held. */
    void flush() {
        release(Long.MAX_VALUE);
    }

    private RenderedRecord laterCopy(RenderedRecord record) {
        long later = record.at() + Volume.between(rng, 1, 300);
        return record.at(later, time.format(later));
    }

    private boolean chance(double share) {
        // no draw at share 0, so clean output does not depend on this generator at all
        return share > 0 && rng.nextDouble() < share;
    }

    private void hold(RenderedRecord record, long releaseAt) {
        held.add(new Held(releaseAt, seq++, record));
    }

    private void release(long now) {
        while (!held.isEmpty() && held.peek().releaseAt <= now) {
            deliver(held.poll().record);
        }
    }

    private void deliver(RenderedRecord record) {
        sink.accept(
                record.stream(),
                record.key(),
                record.json().toString(),
                Instant.ofEpochSecond(record.at()));
    }
}
