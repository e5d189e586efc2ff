package kz.migration.monitor.job;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.json.RawPayload;

/**
 * Replay's first pass over a stream's file: its line count, the latest event time of a valid
 * record, the file's worst disorder (how far a valid record's event time lies behind the latest one
 * before it), which becomes the exact watermark bound, and the lines that are losing copies of an
 * event, which the job skips ({@link LosingCopies}).
 *
 * <p>Validity is the parser's own, but a line is parsed only where its validity could change the
 * findings ({@link RangeFindings}); the rest is read for its event time alone. To spread that over
 * the cores, the file is cut into ranges at line feeds and the ranges are scanned in parallel; the
 * disorder of the whole file follows from each range's own disorder, earliest and latest time,
 * combined in file order. Each range is read as replay's sources read a file ({@link
 * BoundedLines}), and ranges start after a line feed, so the lines are theirs.
 */
final class DisorderScan {

    /**
     * What the scan found in the file's first {@code bytes}; {@code losingCopies} are line indices,
     * ascending. The file was scanned in ranges: {@code rangeStarts} are their byte offsets,
     * ascending from 0, each just after a line feed, and {@code rangeFirstLines} the index of each
     * range's first line.
     */
    record Result(
            long bytes,
            long lines,
            long maxDisorderMillis,
            long maxTimestamp,
            long[] losingCopies,
            long[] rangeStarts,
            long[] rangeFirstLines) {}

    /**
     * One range's findings; {@code min} and {@code max} are {@link Long#MIN_VALUE} without valid
     * records.
     */
    record Range(long lines, long disorder, long min, long max) {}

    /** A range's findings and its lines' id keys ({@link LineIdKeys}, indices within the range). */
    private record Scanned(Range range, LineIdKeys ids) {}

    /** Files below this are not worth splitting. */
    static final long MIN_SPLIT_BYTES = 1L << 22;

    private DisorderScan() {}

    static Result scan(SourceStream stream, Path path, int threads, Pseudonymiser pseudonymiser)
            throws IOException {
        return scan(stream, path, threads, MIN_SPLIT_BYTES, pseudonymiser);
    }

    /** As above, cutting files of at least {@code minSplitBytes} into {@code threads} ranges. */
    static Result scan(
            SourceStream stream,
            Path path,
            int threads,
            long minSplitBytes,
            Pseudonymiser pseudonymiser)
            throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            int parts = size < minSplitBytes ? 1 : threads;
            List<Long> starts = new ArrayList<>();
            starts.add(0L);
            for (int i = 1; i < parts; i++) {
                long s = lineStartFrom(ch, size * i / parts, size);
                if (s > starts.get(starts.size() - 1) && s < size) {
                    starts.add(s);
                }
            }
            starts.add(size);
            List<Scanned> scanned = scanRanges(stream, path, starts, threads, pseudonymiser);
            long lines = 0;
            long disorder = 0;
            long max = Long.MIN_VALUE;
            List<long[]> keys = new ArrayList<>();
            long[] rangeStarts = new long[scanned.size()];
            long[] rangeFirstLines = new long[scanned.size()];
            for (int i = 0; i < scanned.size(); i++) {
                Scanned sc = scanned.get(i);
                Range r = sc.range();
                rangeStarts[i] = starts.get(i);
                rangeFirstLines[i] = lines;
                keys.add(sc.ids().keys(lines));
                lines += r.lines();
                if (r.max() == Long.MIN_VALUE) {
                    continue;
                }
                disorder = Math.max(disorder, r.disorder());
                if (max != Long.MIN_VALUE) {
                    disorder = Math.max(disorder, max - r.min());
                }
                max = Math.max(max, r.max());
            }
            long[] shared = LineIdKeys.sharedLines(concat(keys));
            long[] losing = LosingCopies.find(path, shared, InputParser.of(stream, pseudonymiser));
            return new Result(size, lines, disorder, max, losing, rangeStarts, rangeFirstLines);
        }
    }

    private static long[] concat(List<long[]> parts) {
        int n = 0;
        for (long[] p : parts) {
            n += p.length;
        }
        long[] all = new long[n];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static List<Scanned> scanRanges(
            SourceStream stream,
            Path path,
            List<Long> starts,
            int threads,
            Pseudonymiser pseudonymiser)
            throws IOException {
        int n = starts.size() - 1;
        if (n == 1) {
            return List.of(scanRange(stream, path, starts.get(0), starts.get(1), pseudonymiser));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
        try {
            List<Future<Scanned>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long from = starts.get(i);
                long to = starts.get(i + 1);
                futures.add(pool.submit(() -> scanRange(stream, path, from, to, pseudonymiser)));
            }
            List<Scanned> ranges = new ArrayList<>();
            for (Future<Scanned> f : futures) {
                ranges.add(f.get());
            }
            return ranges;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first position at or after {@code from} that follows a line feed, or {@code size}. */
    private static long lineStartFrom(FileChannel ch, long from, long size) throws IOException {
        long pos = from - 1;
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
        while (pos < size) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                return size;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }

    private static Scanned scanRange(
            SourceStream stream, Path path, long from, long to, Pseudonymiser pseudonymiser)
            throws IOException {
        InputParser<?> parser = InputParser.of(stream, pseudonymiser);
        RangeFindings findings = new RangeFindings(parser);
        LineIdKeys ids = new LineIdKeys(stream.topic(), parser);
        // Read, not mapped: mapped pages would count towards the process' resident memory.
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
                BoundedLines r =
                        new BoundedLines(Channels.newInputStream(ch.position(from)), to - from)) {
            RawPayload line;
            long index = 0;
            while ((line = r.next()) != null) {
                findings.accept(line);
                ids.accept(line, index++);
            }
        }
        return new Scanned(findings.finish(), ids);
    }
}
