package kz.migration.monitor.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.testsupport.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes test input to the input topics and reads committed output back, for end-to-end tests. */
final class TopicIo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicIo() {}

    /** Produces each stream's lines, in order, to {@code prefix + stream}. */
    static void produce(String bootstrap, String prefix, Map<SourceStream, List<String>> input) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (Map.Entry<SourceStream, List<String>> e : input.entrySet()) {
                int i = 0;
                for (String line : e.getValue()) {
                    producer.send(
                            new ProducerRecord<>(
                                    prefix + e.getKey().topic(), "k" + (i++ % 7), line));
                }
            }
            producer.flush();
        }
    }

    /** Everything committed to a topic, each record's JSON normalised to one line. */
    static List<String> readCommitted(String bootstrap, String topic) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String value : KafkaClients.readCommitted(bootstrap, topic)) {
            rows.add(JSON.readTree(value).toString());
        }
        return rows;
    }

    static List<String> strings(List<JsonNode> rows) {
        return rows.stream().map(Object::toString).collect(Collectors.toList());
    }
}
