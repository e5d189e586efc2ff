package kz.migration.monitor.job;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.core.fs.Path;

/**
 * One source for all of a BATCH replay's files, read in the ranges its first pass cut them into
 * ({@link DisorderScan}): its readers take ranges as they finish others, so each file is parsed on
 * every slot at once, and the split of dead letters chains to the readers, with no exchange between
 * them. Each range is read by its stream's {@link JsonLinesFormat}, which knows the index of the
 * range's first line and so the losing copies to skip.
 *
 * <p>The streaming mode keeps a source per file: its watermarks are each file's exact disorder,
 * which ranges read side by side would not keep.
 */
final class ReplayFileSplits {

    /** A range of a file: bytes {@code [offset, offset + length)}, whole lines. */
    record Range(String path, long offset, long length, long fileSize) implements Serializable {}

    private final Map<String, JsonLinesFormat> formats = new HashMap<>();
    private final List<Range> ranges = new ArrayList<>();

    /** Adds {@code path}, {@code fileSize} bytes, in ranges starting at {@code rangeStarts}. */
    ReplayFileSplits add(
            java.nio.file.Path path, long fileSize, long[] rangeStarts, JsonLinesFormat format) {
        Path flinkPath = new Path(path.toUri());
        String p = flinkPath.toString();
        formats.put(flinkPath.getPath(), format);
        for (int i = 0; i < rangeStarts.length; i++) {
            long end = i + 1 < rangeStarts.length ? rangeStarts[i + 1] : fileSize;
            ranges.add(new Range(p, rangeStarts[i], end - rangeStarts[i], fileSize));
        }
        return this;
    }

    /** How many ranges the source will read. */
    int ranges() {
        return ranges.size();
    }

    /** The source of every range added. */
    FileSource<IngestedRecord> source() {
        List<Range> all = List.copyOf(ranges);
        Path[] paths =
                ranges.stream().map(Range::path).distinct().map(Path::new).toArray(Path[]::new);
        return FileSource.forBulkFileFormat(new ByPath(Map.copyOf(formats)), paths)
                .setFileEnumerator(() -> (ignoredPaths, minDesiredSplits) -> splits(all))
                .build();
    }

    private static Collection<FileSourceSplit> splits(List<Range> ranges) {
        List<FileSourceSplit> splits = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            splits.add(
                    new FileSourceSplit(
                            Integer.toString(i),
                            new Path(r.path()),
                            r.offset(),
                            r.length(),
                            0,
                            r.fileSize()));
        }
        return splits;
    }

    /** Reads each split with the format of its file. */
    private record ByPath(Map<String, JsonLinesFormat> formats)
            implements BulkFormat<IngestedRecord, FileSourceSplit> {

        @Override
        public Reader<IngestedRecord> createReader(Configuration config, FileSourceSplit split)
                throws IOException {
            return adapterOf(split).createReader(config, split);
        }

        @Override
        public Reader<IngestedRecord> restoreReader(Configuration config, FileSourceSplit split)
                throws IOException {
            return adapterOf(split).restoreReader(config, split);
        }

        private StreamFormatAdapter<IngestedRecord> adapterOf(FileSourceSplit split)
                throws IOException {
            JsonLinesFormat f = formats.get(split.path().getPath());
            if (f == null) {
                throw new IOException("no format for " + split.path());
            }
            return new StreamFormatAdapter<>(f);
        }

        @Override
        public boolean isSplittable() {
            return true;
        }

        @Override
        public TypeInformation<IngestedRecord> getProducedType() {
            return MonitorTypes.INGESTED_RECORD;
        }
    }
}
