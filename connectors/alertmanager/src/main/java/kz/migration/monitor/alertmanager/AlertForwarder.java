package kz.migration.monitor.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the monitor's {@code alerts} topic to Alertmanager, at least once.
 *
 * <p>Each record is mapped by {@link ContractAlertMapper} and posted; an {@code OVERSTAY_ENDED}
 * also resolves the subject's open {@code OVERSTAY} alerts. While Alertmanager is unreachable the
 * forwarder retries with exponential backoff and does not move on, and offsets are committed only
 * for delivered records, so a crash or an outage loses nothing; a redelivered alert has the same
 * labels and Alertmanager deduplicates it. A record that can never be delivered (not an alert, or
 * rejected with a 4xx) is logged, counted as {@code failed} and skipped, so one bad record cannot
 * stop the others.
 *
 * <p>The topic's key is the {@code alertId}, so with several partitions an {@code OVERSTAY_ENDED}
 * can be read before an {@code OVERSTAY} it ends. The forwarder therefore remembers when each
 * recent subject's overstay ended ({@link OverstayEndings}) and posts an {@code OVERSTAY} raised
 * before that ending as already resolved. {@link #forBroker} keeps that memory in a compacted
 * topic, written before Alertmanager hears of the ending and read back when the forwarder starts,
 * so a restart (or a {@code kill -9}) neither re-opens a resolved overstay nor loses an unsent
 * alert: whatever was delivered but not committed is delivered again, an {@code OVERSTAY} resolved
 * once is only ever posted resolved again. Run one forwarder per state topic.
 *
 * <p>Metrics: {@code migration_alertmanager_deliveries_total{outcome=delivered|retried|failed}} and
 * {@code migration_alertmanager_pending_alerts} (polled, not yet delivered).
 *
 * <p>{@link #run()} owns the consumer (Kafka consumers are single-threaded) and closes it when it
 * ends; {@link #close()} may be called from any thread to stop it.
 */
public final class AlertForwarder implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertForwarder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String, String> consumer;
    private final AlertmanagerClient client;
    private final ContractAlertMapper mapper;
    private final Backoff backoff;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final AtomicInteger pending = new AtomicInteger();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final OverstayEndings endings;

    /**
     * Exponential backoff between delivery attempts: {@code initial}, doubling, capped at {@code
     * max}.
     */
    public record Backoff(Duration initial, Duration max) {
        /** 200 ms doubling up to 30 s: quick after a blip, gentle during a long outage. */
        public static final Backoff DEFAULT =
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));

        Duration after(int attempt) {
            long millis = initial.toMillis() << Math.min(attempt, 20);
            return Duration.ofMillis(Math.min(millis, max.toMillis()));
        }
    }

    /** A forwarder whose memory of ended overstays lasts as long as this process. */
    public AlertForwarder(
            Consumer<String, String> consumer,
            AlertmanagerClient client,
            ContractAlertMapper mapper,
            Backoff backoff,
            MeterRegistry registry) {
        this(consumer, client, mapper, backoff, registry, OverstayEndings.inMemory());
    }

    /**
     * @param consumer a consumer already subscribed to (or assigned) the alerts topic, with
     *     auto-commit off and {@code read_committed} (see {@link #consumerProperties})
     * @param client the Alertmanager client
     * @param mapper maps contract alerts
     * @param backoff retry pacing while Alertmanager is down
     * @param registry where the delivery metrics go
     * @param endings the memory of ended overstays, restored by {@link #run()}; closed with it
     */
    public AlertForwarder(
            Consumer<String, String> consumer,
            AlertmanagerClient client,
            ContractAlertMapper mapper,
            Backoff backoff,
            MeterRegistry registry,
            OverstayEndings endings) {
        this.endings = endings;
        this.consumer = consumer;
        this.client = client;
        this.mapper = mapper;
        this.backoff = backoff;
        this.delivered = outcome(registry, "delivered");
        this.retried = outcome(registry, "retried");
        this.failed = outcome(registry, "failed");
        Gauge.builder("migration.alertmanager.pending.alerts", pending, AtomicInteger::get)
                .description("Alerts read from Kafka and not yet delivered to Alertmanager")
                .register(registry);
    }

    /**
     * A forwarder reading {@code topic} from the Kafka cluster at {@code bootstrap}, its memory of
     * ended overstays in the topic {@link #stateTopic stateTopic(groupId)}.
     */
    public static AlertForwarder forBroker(
            String bootstrap,
            String topic,
            String groupId,
            URI alertmanager,
            MeterRegistry registry) {
        return forBroker(bootstrap, topic, groupId, stateTopic(groupId), alertmanager, registry);
    }

    /**
     * A forwarder reading {@code topic} from the Kafka cluster at {@code bootstrap}, its memory of
     * ended overstays in the compacted topic {@code stateTopic} (created if missing).
     */
    public static AlertForwarder forBroker(
            String bootstrap,
            String topic,
            String groupId,
            String stateTopic,
            URI alertmanager,
            MeterRegistry registry) {
        return forBroker(bootstrap, topic, groupId, stateTopic, alertmanager, registry, Map.of());
    }

    /**
     * As {@link #forBroker(String, String, String, String, URI, MeterRegistry)}, with {@code
     * clientProperties} (e.g. the forwarder's SASL_SSL credentials) merged into every Kafka client.
     */
    public static AlertForwarder forBroker(
            String bootstrap,
            String topic,
            String groupId,
            String stateTopic,
            URI alertmanager,
            MeterRegistry registry,
            Map<String, String> clientProperties) {
        Properties props = consumerProperties(bootstrap, groupId);
        props.putAll(clientProperties);
        // Static membership, one member per state topic: a restarted forwarder takes its
        // partitions back at once instead of after the dead one's session timeout, and a second
        // forwarder started on the same state fences the first rather than writing beside it.
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, stateTopic);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        return new AlertForwarder(
                consumer,
                new AlertmanagerClient(alertmanager),
                new ContractAlertMapper(),
                Backoff.DEFAULT,
                registry,
                OverstayEndings.inTopic(bootstrap, stateTopic, clientProperties));
    }

    /** The default state topic of the forwarders of consumer group {@code groupId}. */
    public static String stateTopic(String groupId) {
        return groupId + "-state";
    }

    /**
     * Consumer settings the forwarder's guarantees rest on: only committed (checkpointed) alerts
     * are read, and offsets move only when the forwarder commits them after delivery.
     */
    public static Properties consumerProperties(String bootstrap, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // A long Alertmanager outage keeps one batch in retry; small batches and a generous poll
        // interval keep the group from evicting the forwarder meanwhile.
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        p.put(
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                String.valueOf(Duration.ofHours(1).toMillis()));
        return p;
    }

    /**
     * Restores the memory of ended overstays, then polls and forwards until {@link #close()}; then
     * closes the consumer.
     */
    @Override
    public void run() {
        try {
            if (restoreEndings()) {
                while (stop.getCount() > 0) {
                    pollOnce(Duration.ofSeconds(1));
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up: a normal stop.
        } catch (FencedInstanceIdException e) {
            LOG.error("Another forwarder took over this one's state topic {}", endings.topic());
            throw e;
        } finally {
            try {
                consumer.close();
            } finally {
                endings.close();
                stopped.countDown();
            }
        }
    }

    /** Retries until the endings are restored (true) or the forwarder is closed (false). */
    private boolean restoreEndings() {
        for (int attempt = 0; stop.getCount() > 0; attempt++) {
            try {
                endings.restore();
                return true;
            } catch (KafkaException e) {
                LOG.warn(
                        "Cannot restore ended overstays from {} ({}); retrying in {} ms",
                        endings.topic(),
                        e.getMessage(),
                        backoff.after(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (awaitStop(backoff.after(attempt))) {
                return false;
            }
        }
        return false;
    }

    /**
     * One poll: forwards every record, then commits the offsets of those delivered (or skipped as
     * undeliverable). Returns how many records were handled; stops early when closed.
     */
    public int pollOnce(Duration timeout) {
        ConsumerRecords<String, String> records = consumer.poll(timeout);
        if (records.isEmpty()) {
            return 0;
        }
        pending.addAndGet(records.count());
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        int handled = 0;
        try {
            for (ConsumerRecord<String, String> record : records) {
                if (!forward(record)) {
                    break; // closed while Alertmanager was down: the rest is redelivered later
                }
                pending.decrementAndGet();
                handled++;
                done.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
        } finally {
            if (!done.isEmpty()) {
                commit(done);
            }
            if (handled < records.count()) {
                // Rewind the partitions whose records were not all handled, so a consumer that
                // keeps running reads them again instead of skipping past them.
                for (TopicPartition tp : records.partitions()) {
                    OffsetAndMetadata next = done.get(tp);
                    long first = records.records(tp).get(0).offset();
                    consumer.seek(tp, next != null ? next.offset() : first);
                }
                pending.addAndGet(handled - records.count());
            }
        }
        return handled;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            // close() raced with the commit; a wakeup fires once, so committing again goes through
            // and the delivered alerts are not delivered twice after a restart.
            consumer.commitSync(offsets);
            throw e;
        }
    }

    /** Delivers one record; false only when the forwarder was closed before it could. */
    private boolean forward(ConsumerRecord<String, String> record) {
        JsonNode alert;
        AlertmanagerAlert mapped;
        try {
            alert = JSON.readTree(record.value());
            mapped = mapper.map(alert);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            LOG.error(
                    "Skipping undeliverable record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            failed.increment();
            return true;
        }
        String subject = mapped.label("subject");
        if (ContractAlertMapper.OVERSTAY.equals(mapped.label("alertname"))
                && endedAfter(subject, mapped)) {
            // Read after the end of its stay (another partition): deliver it resolved.
            mapped = mapped.endingAt(startedOrNow(mapped));
        }
        for (int attempt = 0; ; attempt++) {
            try {
                Instant ended = raisedAt(mapped);
                if (ContractAlertMapper.OVERSTAY_ENDED.equals(mapped.label("alertname"))
                        && subject != null
                        && ended != null) {
                    // Durable before Alertmanager hears of it: after a crash, an OVERSTAY read
                    // again is then posted resolved, never firing after its resolution.
                    endings.remember(subject, ended);
                    resolveOverstays(subject, ended);
                }
                client.post(List.of(mapped));
                delivered.increment();
                return true;
            } catch (AlertmanagerException e) {
                if (!e.retryable()) {
                    LOG.error(
                            "Alertmanager rejected alert {} ({}): {}",
                            mapped.label("alert_id"),
                            mapped.label("alertname"),
                            e.getMessage());
                    failed.increment();
                    return true;
                }
                retried.increment();
                LOG.warn(
                        "Alertmanager unavailable ({}); retrying alert {} in {} ms",
                        e.getMessage(),
                        mapped.label("alert_id"),
                        backoff.after(attempt).toMillis());
            } catch (KafkaException e) {
                retried.increment();
                LOG.warn(
                        "Cannot remember the end of alert {} ({}); retrying in {} ms",
                        mapped.label("alert_id"),
                        e.getMessage(),
                        backoff.after(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (awaitStop(backoff.after(attempt))) {
                return false;
            }
        }
    }

    /**
     * Ends the subject's open OVERSTAY alerts raised before {@code ended}: same labels, {@code
     * endsAt} now. A later stay's overstay stays open when an earlier stay's end is read late.
     */
    private void resolveOverstays(String subject, Instant ended)
            throws AlertmanagerException, InterruptedException {
        List<AlertmanagerAlert> open =
                client.activeAlerts(
                        Map.of("alertname", ContractAlertMapper.OVERSTAY, "subject", subject));
        if (open.isEmpty()) {
            return;
        }
        List<AlertmanagerAlert> resolved = new ArrayList<>();
        for (AlertmanagerAlert a : open) {
            Instant raisedAt = raisedAt(a);
            if (raisedAt == null || raisedAt.isBefore(ended)) {
                resolved.add(a.endingAt(startedOrNow(a)));
            }
        }
        client.post(resolved);
    }

    /** Now, or the alert's start if that is later: endsAt before startsAt is rejected. */
    private static Instant startedOrNow(AlertmanagerAlert a) {
        Instant now = Instant.now();
        return a.startsAt() != null && a.startsAt().isAfter(now) ? a.startsAt() : now;
    }

    /** Whether the subject's stay ended (as far as remembered) after this OVERSTAY was raised. */
    private boolean endedAfter(String subject, AlertmanagerAlert overstay) {
        Instant ended = endings.endedAt(subject);
        Instant raisedAt = raisedAt(overstay);
        return ended != null && raisedAt != null && raisedAt.isBefore(ended);
    }

    private static Instant raisedAt(AlertmanagerAlert a) {
        String text = a.annotations().get("raisedAt");
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // posted by someone else: not one of ours to compare
        }
    }

    /** Waits {@code delay}; true when the forwarder was closed (or interrupted) meanwhile. */
    private boolean awaitStop(Duration delay) {
        try {
            return stop.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops {@link #run()} (from any thread) and waits up to 10 s for it to end. */
    @Override
    public void close() {
        stop.countDown();
        consumer.wakeup();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("migration.alertmanager.deliveries")
                .description("Alerts handed to Alertmanager, by outcome (retried counts attempts)")
                .tag("outcome", outcome)
                .register(registry);
    }
}
