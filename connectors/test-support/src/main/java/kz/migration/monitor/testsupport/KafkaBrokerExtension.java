package kz.migration.monitor.testsupport;

import java.util.Objects;
import kz.migration.monitor.kafka.EmbeddedKafka;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that runs one {@link EmbeddedKafka} broker per test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 * }</pre>
 *
 * <p>Register it on a {@code static} field: the broker starts before the first test of the class
 * and stops after the last. {@code @Nested} classes share the outer class's broker.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private final EmbeddedKafka.Options options;
    private EmbeddedKafka kafka;
    // JUnit calls beforeAll/afterAll again for each @Nested class; only the outermost pair owns the
    // broker.
    private int depth;

    /** A broker on free ports with a temporary log directory. */
    public KafkaBrokerExtension() {
        this(EmbeddedKafka.Options.defaults());
    }

    /** A broker started with {@code options}. */
    public KafkaBrokerExtension(EmbeddedKafka.Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (depth++ == 0) {
            kafka = EmbeddedKafka.start(options);
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--depth == 0 && kafka != null) {
            try {
                kafka.close();
            } finally {
                kafka = null;
            }
        }
    }

    /** The {@code bootstrap.servers} value for clients of the running broker. */
    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** See {@link EmbeddedKafka#createTopics(int, String...)}. */
    public void createTopics(int partitions, String... topics) {
        broker().createTopics(partitions, topics);
    }

    /** The running broker. */
    public synchronized EmbeddedKafka broker() {
        if (kafka == null) {
            throw new IllegalStateException(
                    "Kafka is not running: register KafkaBrokerExtension on a static field with"
                            + " @RegisterExtension");
        }
        return kafka;
    }
}
