package kz.migration.monitor.pipeline;

import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A keyed function whose events wait for the watermark, which can take those events from a {@link
 * HoldingOperator} that held them in memory instead of in the function's state.
 */
public interface ReleasesHeldEvents<K, IN, OUT> {

    /**
     * Whether {@code event} waits for the watermark; one that does not goes to {@code
     * processElement} at once.
     */
    default boolean waits(IN event) {
        return true;
    }

    /**
     * Applies {@code held}, events of the current key with their timestamps, none after {@code
     * watermark}, in timestamp order and in arrival order within a timestamp, which arrived after
     * any the key has in state, together with that state, with the outcome of their having waited
     * in state until this watermark.
     */
    void releaseHeld(
            List<Tuple2<Long, IN>> held,
            long watermark,
            KeyedProcessFunction<K, IN, OUT>.OnTimerContext ctx,
            Collector<OUT> out)
            throws Exception;
}
