package kz.migration.monitor.job;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.json.RawPayload;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
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
public final class JsonLinesFormat implements StreamFormat<IngestedRecord> {

    private static final long serialVersionUID = 4L;

    /** Lines read by all readers in this JVM, for replay's progress bar. */
    public static final AtomicLong LINES_READ = new AtomicLong();

    private final SourceStream stream;
    private final Instant receivedAt;
    private final Pseudonymiser pseudonymiser;
    private final long[] skippedLines;
    private final boolean keepsPayloads;
    private final long[] rangeStarts;
    private final long[] rangeFirstLines;

    /** Events read carry the {@code subjectRef} of {@code pseudonymiser}, never the personId. */
    public JsonLinesFormat(SourceStream stream, Instant receivedAt, Pseudonymiser pseudonymiser) {
        this(stream, receivedAt, pseudonymiser, new long[0], true, new long[] {0}, new long[] {0});
    }

    /**
     * A replay's: skipping the lines at {@code skippedLines} (0-based indices, ascending), and
     * without payloads. A file is read whole.
     */
    static JsonLinesFormat forReplay(
            SourceStream stream,
            Instant receivedAt,
            Pseudonymiser pseudonymiser,
            long[] skippedLines) {
        return forReplay(
                stream, receivedAt, pseudonymiser, skippedLines, new long[] {0}, new long[] {0});
    }

    /**
     * As above, but splittable at the byte offsets {@code rangeStarts}, each just after a line
     * feed, whose first lines have the indices {@code rangeFirstLines}: a split must start at one
     * of them, so that its reader knows which lines are skipped.
     */
    static JsonLinesFormat forReplay(
            SourceStream stream,
            Instant receivedAt,
            Pseudonymiser pseudonymiser,
            long[] skippedLines,
            long[] rangeStarts,
            long[] rangeFirstLines) {
        return new JsonLinesFormat(
                stream,
                receivedAt,
                pseudonymiser,
                skippedLines,
                false,
                rangeStarts,
                rangeFirstLines);
    }

    private JsonLinesFormat(
            SourceStream stream,
            Instant receivedAt,
            Pseudonymiser pseudonymiser,
            long[] skippedLines,
            boolean keepsPayloads,
            long[] rangeStarts,
            long[] rangeFirstLines) {
        if (rangeStarts.length == 0
                || rangeStarts[0] != 0
                || rangeFirstLines.length != rangeStarts.length) {
            throw new IllegalArgumentException("ranges must start at 0, each with its first line");
        }
        this.stream = stream;
        this.receivedAt = receivedAt;
        this.pseudonymiser = pseudonymiser;
        this.skippedLines = skippedLines.clone();
        this.keepsPayloads = keepsPayloads;
        this.rangeStarts = rangeStarts.clone();
        this.rangeFirstLines = rangeFirstLines.clone();
    }

    @Override
    public StreamFormat.Reader<IngestedRecord> createReader(
            Configuration config, FSDataInputStream in, long fileLen, long splitEnd)
            throws IOException {
        long start = in.getPos();
        int range = Arrays.binarySearch(rangeStarts, start);
        if (range < 0) {
            throw new IOException(
                    stream.topic() + ": a split starts at byte " + start + ", not at a line");
        }
        long firstLine = rangeFirstLines[range];
        int firstSkipped = Arrays.binarySearch(skippedLines, firstLine);
        InputParser<?> parser = InputParser.of(stream, pseudonymiser);
        BoundedLines lines = new BoundedLines(in, splitEnd - start);
        return new StreamFormat.Reader<>() {
            private long index = firstLine - 1;
            private int nextSkipped = firstSkipped >= 0 ? firstSkipped : -firstSkipped - 1;

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

    /** Replay reads files whole or from the start of a range; it never restores a position. */
    @Override
    public StreamFormat.Reader<IngestedRecord> restoreReader(
            Configuration config,
            FSDataInputStream in,
            long restoredOffset,
            long fileLen,
            long splitEnd) {
        throw new UnsupportedOperationException("replay's files are read without checkpoints");
    }

    /** Only with more than one range: otherwise Flink would cut the file where it likes. */
    @Override
    public boolean isSplittable() {
        return rangeStarts.length > 1;
    }

    @Override
    public TypeInformation<IngestedRecord> getProducedType() {
        return MonitorTypes.INGESTED_RECORD;
    }
}
