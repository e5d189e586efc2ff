package kz.migration.monitor.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * Lets the bench's generated source emit up to an index the bench opens, then holds it without
 * blocking its task: a held source still takes checkpoints, and its watermark stays where it was.
 *
 * <p>The source reader asks its rate limiter once before each record; the count of those requests
 * is the index of the next record. The count lives in this JVM (the bench runs its MiniCluster in
 * its own process), so one bench at a time: {@link #reset} starts it again for a restored job.
 */
final class SourceGate {

    private static long requested;
    private static long open;
    private static CompletableFuture<Void> waiting;

    private SourceGate() {}

    /** The next record the source asks for is {@code nextIndex}; nothing is let through yet. */
    static synchronized void reset(long nextIndex) {
        requested = nextIndex;
        open = nextIndex;
        waiting = null;
    }

    /** Lets the source emit every record before {@code endIndex}. */
    static synchronized void openUntil(long endIndex) {
        open = endIndex;
        if (waiting != null && requested <= open) {
            CompletableFuture<Void> w = waiting;
            waiting = null;
            w.complete(null);
        }
    }

    /** How many records the source has asked for (emitted, and one waiting). */
    static synchronized long requested() {
        return requested;
    }

    private static synchronized CompletionStage<Void> acquire() {
        requested++;
        if (requested <= open) {
            return CompletableFuture.completedFuture(null);
        }
        waiting = new CompletableFuture<>();
        return waiting;
    }

    /** The rate limiter strategy for the source. */
    static <S extends SourceSplit> RateLimiterStrategy<S> strategy() {
        return parallelism ->
                new RateLimiter<S>() {
                    @Override
                    public CompletionStage<Void> acquire(int permits) {
                        return SourceGate.acquire();
                    }
                };
    }
}
