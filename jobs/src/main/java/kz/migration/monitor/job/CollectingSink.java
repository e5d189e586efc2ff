package kz.migration.monitor.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that collects into this JVM's memory, for jobs on a MiniCluster in the same JVM: replay
 * and tests. Each sink has its own id; {@link #drain} takes what it collected.
 */
public final class CollectingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, List<Object>> COLLECTED = new ConcurrentHashMap<>();

    private final String id;

    public CollectingSink() {
        this.id = UUID.randomUUID().toString();
        COLLECTED.put(id, Collections.synchronizedList(new ArrayList<>()));
    }

    /** Removes and returns what the sink collected. */
    @SuppressWarnings("unchecked")
    public List<T> drain() {
        List<Object> got = COLLECTED.remove(id);
        List<T> copy = new ArrayList<>();
        if (got != null) {
            synchronized (got) {
                for (Object o : got) {
                    copy.add((T) o);
                }
            }
        }
        return copy;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Object> target = COLLECTED.get(id);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                target.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
