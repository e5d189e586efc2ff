package kz.migration.monitor.alertmanager;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forwarder's memory of ended overstays: for each recent subject, the {@code raisedAt} of its
 * latest {@code OVERSTAY_ENDED}, so that an {@code OVERSTAY} of that stay read later (from another
 * partition of the {@code alerts} topic, or after a restart) is posted already resolved.
 *
 * <p>{@link #inTopic Durable}: every ending is written to a compacted Kafka topic the forwarder
 * owns (key: the subjectRef pseudonym, value: the instant) and {@link #remember} returns only once
 * the broker has it, before the forwarder tells Alertmanager anything, so no crash can leave an
 * ending resolved in Alertmanager but forgotten here. A restarted forwarder {@link #restore reads
 * the topic back} before its first alert. At most {@value #REMEMBERED} subjects are kept (about 10
 * MB); the least recently used is dropped with a tombstone, so the compacted topic holds what
 * memory holds.
 *
 * <p>One forwarder instance per state topic: it is the only writer, so the latest record of a
 * subject is its latest ending. Not thread-safe: the forwarder's loop is its only user.
 */
public final class OverstayEndings implements AutoCloseable {

    /** Subjects whose latest OVERSTAY_ENDED is remembered. */
    public static final int REMEMBERED = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(OverstayEndings.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;
    private final String topic;
    private final Producer<String, String> producer;
    private final int capacity;
    private final Map<String, String> clientProperties;

    /** subject -> raisedAt of its latest OVERSTAY_ENDED, least recently used first. */
    private final LinkedHashMap<String, Instant> latest = new LinkedHashMap<>(1024, 0.75f, true);

    private OverstayEndings(
            String bootstrap,
            String topic,
            Producer<String, String> producer,
            int capacity,
            Map<String, String> clientProperties) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.producer = producer;
        this.capacity = capacity;
    }

    /**
     * Endings kept in this process only, lost when it ends: for a forwarder that is never restarted
     * against the same Alertmanager (tests, a throw-away demo).
     */
    public static OverstayEndings inMemory() {
        return new OverstayEndings(null, null, null, REMEMBERED, Map.of());
    }

    /**
     * Endings kept in the compacted topic {@code topic} of the Kafka cluster at {@code bootstrap}.
     */
    public static OverstayEndings inTopic(String bootstrap, String topic) {
        return inTopic(bootstrap, topic, Map.of());
    }

    /** As {@link #inTopic(String, String)}, with Kafka client settings (e.g. credentials). */
    public static OverstayEndings inTopic(
            String bootstrap, String topic, Map<String, String> clientProperties) {
        return inTopic(bootstrap, topic, REMEMBERED, clientProperties);
    }

    /** As {@link #inTopic(String, String)}, remembering at most {@code capacity} subjects. */
    static OverstayEndings inTopic(String bootstrap, String topic, int capacity) {
        return inTopic(bootstrap, topic, capacity, Map.of());
    }

    private static OverstayEndings inTopic(
            String bootstrap, String topic, int capacity, Map<String, String> clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new OverstayEndings(
                bootstrap, topic, new KafkaProducer<>(p), capacity, clientProperties);
    }

    /** The state topic, or {@code null} when kept in memory only. */
    public String topic() {
        return topic;
    }

    /**
     * Creates the state topic if it is missing (one partition, {@code cleanup.policy=compact}) and
     * reads it to its end; call once, before the first alert. Returns how many subjects were
     * restored.
     *
     * @throws KafkaException when the cluster cannot be reached or the topic read: try again later
     */
    public int restore() throws InterruptedException {
        if (topic == null) {
            return 0;
        }
        ensureTopic();
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        latest.clear();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, KAFKA_TIMEOUT).stream()
                            .map(i -> new TopicPartition(i.topic(), i.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("did not reach the end of " + topic + " " + ends);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("restoring " + topic);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r);
                }
            }
        }
        // Trimmed only now: the topic's order is not the order of use that chose what to drop,
        // and the tombstones that follow already tell.
        trim(false);
        LOG.info("Restored the endings of {} subjects' overstays from {}", latest.size(), topic);
        return latest.size();
    }

    private void apply(ConsumerRecord<String, String> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            latest.remove(r.key());
            return;
        }
        try {
            latest.merge(r.key(), Instant.parse(r.value()), OverstayEndings::later);
        } catch (DateTimeParseException e) {
            LOG.warn("Ignoring unreadable record {}-{}@{}", r.topic(), r.partition(), r.offset());
        }
    }

    private void ensureTopic() throws InterruptedException {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            NewTopic wanted =
                    new NewTopic(topic, Optional.of(1), Optional.empty())
                            .configs(
                                    Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG,
                                            TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(wanted))
                        .all()
                        .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Created the compacted state topic {}", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new KafkaException("cannot create " + topic, e.getCause());
                }
            }
            Config config = awaitTopic(admin);
            String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                // Under the delete policy retention would silently forget endings.
                LOG.warn("State topic {} has cleanup.policy={}, not compact", topic, policy);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot reach the state topic " + topic, e);
        }
    }

    /**
     * The topic's configuration, once its partition answers: a topic just created is not yet known
     * to every broker, and an idempotent producer writing to it too early would loop on sequence
     * errors.
     */
    private Config awaitTopic(Admin admin)
            throws ExecutionException, TimeoutException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest()))
                        .all()
                        .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return admin.describeConfigs(List.of(resource))
                        .all()
                        .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .get(resource);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The {@code raisedAt} of the subject's latest OVERSTAY_ENDED remembered, or {@code null}. */
    public Instant endedAt(String subject) {
        return subject == null ? null : latest.get(subject);
    }

    /**
     * Remembers that the subject's overstay ended at {@code endedAt}; when it returns the ending is
     * on the broker (or already was). An earlier ending than the one known changes nothing.
     *
     * @throws KafkaException when the broker did not take it: nothing was remembered, try again
     */
    public void remember(String subject, Instant endedAt) throws InterruptedException {
        Instant known = latest.get(subject);
        if (known != null && !endedAt.isAfter(known)) {
            return;
        }
        if (producer != null) {
            try {
                producer.send(new ProducerRecord<>(topic, subject, endedAt.toString())).get();
            } catch (ExecutionException e) {
                throw new KafkaException(
                        "cannot write the ending to " + topic + ": " + e.getCause(), e.getCause());
            }
        }
        latest.merge(subject, endedAt, OverstayEndings::later);
        trim(true);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Drops the least recently used beyond the capacity, from the topic too when {@code live}. */
    private void trim(boolean live) {
        Iterator<Map.Entry<String, Instant>> eldest = latest.entrySet().iterator();
        while (latest.size() > capacity) {
            String dropped = eldest.next().getKey();
            eldest.remove();
            if (live && producer != null) {
                // Asynchronous: a lost tombstone only keeps one more subject in the topic.
                producer.send(new ProducerRecord<>(topic, dropped, null));
            }
        }
    }

    /** Subjects remembered now. */
    public int size() {
        return latest.size();
    }

    /** Flushes pending tombstones and closes the producer. */
    @Override
    public void close() {
        if (producer != null) {
            producer.close(KAFKA_TIMEOUT);
        }
    }
}
