package kz.migration.monitor.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a stream's {@code .jsonl} file as parsed records, one per non-blank line; used by replay.
 */
public final class JsonLinesFormat extends SimpleStreamFormat<IngestedRecord> {

    private static final long serialVersionUID = 2L;

    /** Lines read by all readers in this JVM, for replay's progress bar. */
    public static final AtomicLong LINES_READ = new AtomicLong();

    private final SourceStream stream;
    private final Instant receivedAt;
    private final Pseudonymiser pseudonymiser;

    /** Events read carry the {@code subjectRef} of {@code pseudonymiser}, never the personId. */
    public JsonLinesFormat(SourceStream stream, Instant receivedAt, Pseudonymiser pseudonymiser) {
        this.stream = stream;
        this.receivedAt = receivedAt;
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    public StreamFormat.Reader<IngestedRecord> createReader(
            Configuration config, FSDataInputStream in) {
        InputParser<?> parser = InputParser.of(stream, pseudonymiser);
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        return new StreamFormat.Reader<>() {
            @Override
            public IngestedRecord read() throws IOException {
                String line;
                while ((line = lines.readLine()) != null) {
                    LINES_READ.incrementAndGet();
                    if (!line.isBlank()) {
                        return IngestedRecord.of(parser.parse(line, receivedAt), line);
                    }
                }
                return null;
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    @Override
    public TypeInformation<IngestedRecord> getProducedType() {
        return MonitorTypes.INGESTED_RECORD;
    }
}
