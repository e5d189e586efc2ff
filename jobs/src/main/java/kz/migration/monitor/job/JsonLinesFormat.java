package kz.migration.monitor.job;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.json.RawPayload;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a stream's {@code .jsonl} file as parsed records, one per non-blank line; used by replay. A
 * line over the record size bound is not read whole (see {@link BoundedLines}): it becomes a dead
 * letter holding its prefix. The losing copies of an event that replay's first pass found ({@link
 * LosingCopies}) are skipped.
 *
 * <p>Replay's records carry no raw payload. A record keeps it only for the dead letter of an event
 * that arrives after the watermark has passed it, and replay's watermarks lag each file by its
 * exact worst disorder, so no event of its files is ever late: profiled, writing every line's text
 * into the shuffle after the source was a twentieth of replay's time.
 */
public final class JsonLinesFormat extends SimpleStreamFormat<IngestedRecord> {

    private static final long serialVersionUID = 3L;

    /** Lines read by all readers in this JVM, for replay's progress bar. */
    public static final AtomicLong LINES_READ = new AtomicLong();

    private final SourceStream stream;
    private final Instant receivedAt;
    private final Pseudonymiser pseudonymiser;
    private final long[] skippedLines;
    private final boolean keepsPayloads;

    /** Events read carry the {@code subjectRef} of {@code pseudonymiser}, never the personId. */
    public JsonLinesFormat(SourceStream stream, Instant receivedAt, Pseudonymiser pseudonymiser) {
        this(stream, receivedAt, pseudonymiser, new long[0], true);
    }

    /**
     * A replay's: skipping the lines at {@code skippedLines} (0-based indices, ascending), and
     * without payloads.
     */
    static JsonLinesFormat forReplay(
            SourceStream stream,
            Instant receivedAt,
            Pseudonymiser pseudonymiser,
            long[] skippedLines) {
        return new JsonLinesFormat(stream, receivedAt, pseudonymiser, skippedLines, false);
    }

    private JsonLinesFormat(
            SourceStream stream,
            Instant receivedAt,
            Pseudonymiser pseudonymiser,
            long[] skippedLines,
            boolean keepsPayloads) {
        this.stream = stream;
        this.receivedAt = receivedAt;
        this.pseudonymiser = pseudonymiser;
        this.skippedLines = skippedLines.clone();
        this.keepsPayloads = keepsPayloads;
    }

    @Override
    public StreamFormat.Reader<IngestedRecord> createReader(
            Configuration config, FSDataInputStream in) {
        InputParser<?> parser = InputParser.of(stream, pseudonymiser);
        BoundedLines lines = new BoundedLines(in);
        // The format is not splittable: a reader reads its file from the first line, so indices
        // count from there.
        return new StreamFormat.Reader<>() {
            private long index = -1;
            private int nextSkipped;

            @Override
            public IngestedRecord read() throws IOException {
                RawPayload line;
                while ((line = lines.next()) != null) {
                    LINES_READ.incrementAndGet();
                    index++;
                    if (nextSkipped < skippedLines.length && skippedLines[nextSkipped] == index) {
                        nextSkipped++;
                        continue;
                    }
                    if (line.problem() != null || !line.text().isBlank()) {
                        return IngestedRecord.of(
                                parser.parse(line, receivedAt), keepsPayloads ? line.text() : null);
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
