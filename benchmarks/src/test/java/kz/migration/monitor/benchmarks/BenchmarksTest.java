package kz.migration.monitor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.stay.StayLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each benchmark method called once, outside JMH, for what it computes (no timing): a benchmark of
 * the wrong thing, a rejected sample or a lossy round trip would measure nothing useful.
 */
class BenchmarksTest {

    @Test
    void theJarListsEveryBenchmark() throws IOException {
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
            assertThat(in).as("JMH's annotation processor ran").isNotNull();
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list)
                    .contains(
                            "ParseBenchmark_parse_jmhTest",
                            "ParseBenchmark_jacksonTree_jmhTest",
                            "PseudonymiserBenchmark_subjectRef_jmhTest",
                            "StayLedgerBenchmark_visitorWithDocuments_jmhTest",
                            "StayLedgerBenchmark_overstayer_jmhTest",
                            "SerializerBenchmark_inputEvent_jmhTest",
                            "SerializerBenchmark_ingestedRecord_jmhTest",
                            "SerializerBenchmark_alertDetails_jmhTest",
                            "SerializerBenchmark_placeInput_jmhTest",
                            "SerializerBenchmark_placeInputPojo_jmhTest");
        }
    }

    @ParameterizedTest
    @EnumSource(SourceStream.class)
    void everySampleRecordIsValid(SourceStream stream) throws IOException {
        ParseBenchmark b = new ParseBenchmark();
        b.stream = stream;
        b.setUp();
        Parsed<? extends InputEvent> parsed = b.parse();
        assertThat(parsed.deadLetter()).isNull();
        assertThat(parsed.event().occurredAt()).hasToString(instantOf(stream));
        assertThat(b.jacksonTree().isObject()).isTrue();
    }

    /** The sample's {@code occurredAt} in UTC. */
    private static String instantOf(SourceStream stream) {
        return switch (stream) {
            case BORDER_CROSSINGS -> "2026-01-01T00:04:30Z";
            case REGISTRATIONS -> "2026-01-01T04:01:47Z";
            case EMPLOYMENT -> "2026-01-01T07:32:11Z";
            case REFERENCE_DATA -> "2025-12-31T19:00:00Z";
        };
    }

    @Test
    void subjectRefIsALowercaseHexHmac() {
        PseudonymiserBenchmark b = new PseudonymiserBenchmark();
        b.setUp();
        String first = b.subjectRef();
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(b.subjectRef()).as("the next personId").isNotEqualTo(first);
    }

    @Test
    void theStaysEndAsTheContractCountsThem() {
        StayLedgerBenchmark b = new StayLedgerBenchmark();
        StayLedger visitor = b.visitorWithDocuments();
        assertThat(visitor.present()).isFalse();
        assertThat(visitor.uncoveredInStay()).isEqualTo(10);
        assertThat(visitor.unlawfulInStay()).isZero();

        StayLedger overstayer = b.overstayer();
        assertThat(overstayer.present()).isFalse();
        // 51 stay days, uncovered, 30 allowed per entry
        assertThat(overstayer.uncoveredInStay()).isEqualTo(51);
        assertThat(overstayer.unlawfulInStay()).isEqualTo(21);
    }

    @ParameterizedTest
    @EnumSource(SourceStream.class)
    void roundTripsGiveBackWhatWentIn(SourceStream stream) throws IOException {
        SerializerBenchmark b = new SerializerBenchmark();
        SerializerBenchmark.Events events = new SerializerBenchmark.Events();
        events.stream = stream;
        events.setUp();
        assertThat(b.inputEvent(events)).isEqualTo(events.event);
        IngestedRecord r = b.ingestedRecord(events);
        assertThat(r).isEqualTo(events.ingested);
        assertThat(r.payload()).isEqualTo(SampleLines.of(stream));
        assertThat(b.alertDetails()).isInstanceOf(AlertDetails.Quota.class);
        assertThat(((AlertDetails.Quota) b.alertDetails()).utilisation()).isEqualTo(118);
    }

    @Test
    void thePlaceInputReadsBackTheSameThroughBothSerializers() throws IOException {
        SerializerBenchmark b = new SerializerBenchmark();
        assertThat(b.placeInput()).isEqualTo(b.crossing);
        assertThat(b.placeInputPojo()).isEqualTo(b.crossing);
    }
}
