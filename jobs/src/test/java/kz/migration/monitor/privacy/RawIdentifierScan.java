package kz.migration.monitor.privacy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.shaded.io.airlift.compress.snappy.SnappyFramedInputStream;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileReader;
import org.rocksdb.SstFileReaderIterator;

/**
 * Searches bytes, text, files and directory trees for any of a set of identifiers, as a data
 * protection auditor would: in UTF-8 and UTF-16 (little and big endian), inside RocksDB SST files
 * read back through RocksDB's own reader (block compression, and keys that share a prefix with the
 * previous key and are stored only as their suffix), and inside Snappy-framed streams wherever one
 * starts in a file (Flink's compressed snapshots).
 *
 * <p>A {@link Hit} names the place and the identifier's index and hash, never the identifier, so
 * that a failing test does not print what it protects.
 */
final class RawIdentifierScan {

    /** RocksDB's block-based table magic number, the last 8 bytes of an SST file. */
    private static final byte[] SST_MAGIC = {
        (byte) 0xf7,
        (byte) 0xcf,
        (byte) 0xf4,
        (byte) 0x85,
        (byte) 0xb7,
        0x41,
        (byte) 0xe2,
        (byte) 0x88
    };

    /** The stream identifier chunk a Snappy framed stream starts with. */
    private static final byte[] SNAPPY_STREAM = {
        (byte) 0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y'
    };

    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    private static final long BASE = 1_000_003L;

    /**
     * One occurrence.
     *
     * @param place a file (relative to the scanned root), a topic partition and offset, a URL
     * @param layer how the bytes were read: {@code bytes}, {@code sst entry <n> key|value}, {@code
     *     snappy stream at <offset>}, a Kafka record's {@code key}, {@code value} or header
     * @param encoding the identifier's encoding that matched
     * @param offset the byte offset within that layer
     * @param identifier the identifier's index in the scanned set
     * @param identifierHash the first 12 hex digits of the identifier's SHA-256
     */
    record Hit(
            String place,
            String layer,
            String encoding,
            long offset,
            int identifier,
            String identifierHash) {

        @Override
        public String toString() {
            return place
                    + " ["
                    + layer
                    + ", "
                    + encoding
                    + " at "
                    + offset
                    + "]: identifier #"
                    + identifier
                    + " (sha256 "
                    + identifierHash
                    + ")";
        }
    }

    private final List<String> identifiers;
    private final String[] hashes;
    private final byte[][] patterns;
    private final int[] patternIdentifier;
    private final String[] patternEncoding;

    /** Per pattern length: rolling hash to the patterns of that length and hash. */
    private final Map<Integer, Map<Long, List<Integer>>> byLength = new TreeMap<>();

    private final Map<Integer, Long> topPower = new HashMap<>();

    /** Per pattern length: whether a pattern starts with the two bytes at {@code b0 << 8 | b1}. */
    private final Map<Integer, boolean[]> starts = new HashMap<>();

    RawIdentifierScan(Collection<String> identifiers) {
        this.identifiers = List.copyOf(identifiers);
        if (this.identifiers.isEmpty()) {
            throw new IllegalArgumentException("nothing to search for");
        }
        int n = this.identifiers.size();
        hashes = new String[n];
        patterns = new byte[n * ENCODINGS.size()][];
        patternIdentifier = new int[patterns.length];
        patternEncoding = new String[patterns.length];
        for (int i = 0; i < n; i++) {
            String id = this.identifiers.get(i);
            if (id.isEmpty()) {
                throw new IllegalArgumentException("empty identifier #" + i);
            }
            hashes[i] = sha256(id).substring(0, 12);
            for (int e = 0; e < ENCODINGS.size(); e++) {
                int p = i * ENCODINGS.size() + e;
                patterns[p] = id.getBytes(ENCODINGS.get(e));
                patternIdentifier[p] = i;
                patternEncoding[p] = ENCODINGS.get(e).name();
                if (patterns[p].length >= 2) {
                    starts.computeIfAbsent(patterns[p].length, l -> new boolean[1 << 16])[
                                    (patterns[p][0] & 0xff) << 8 | (patterns[p][1] & 0xff)] =
                            true;
                }
                byLength.computeIfAbsent(patterns[p].length, l -> new HashMap<>())
                        .computeIfAbsent(
                                hash(patterns[p], 0, patterns[p].length), h -> new ArrayList<>())
                        .add(p);
            }
        }
        for (int length : byLength.keySet()) {
            long power = 1;
            for (int k = 1; k < length; k++) {
                power *= BASE;
            }
            topPower.put(length, power);
        }
    }

    int size() {
        return identifiers.size();
    }

    /** Every occurrence in {@code data}, read as they are. */
    List<Hit> bytes(String place, String layer, byte[] data) {
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Integer, Map<Long, List<Integer>>> e : byLength.entrySet()) {
            int length = e.getKey();
            if (data.length < length) {
                continue;
            }
            Map<Long, List<Integer>> table = e.getValue();
            long power = topPower.get(length);
            // A cheap test of the first two bytes spares the hash lookup at nearly every offset.
            boolean[] start = starts.get(length);
            long h = hash(data, 0, length);
            for (int i = 0; ; i++) {
                List<Integer> candidates =
                        start == null || start[(data[i] & 0xff) << 8 | (data[i + 1] & 0xff)]
                                ? table.get(h)
                                : null;
                if (candidates != null) {
                    for (int p : candidates) {
                        if (Arrays.equals(data, i, i + length, patterns[p], 0, length)) {
                            hits.add(
                                    new Hit(
                                            place,
                                            layer,
                                            patternEncoding[p],
                                            i,
                                            patternIdentifier[p],
                                            hashes[patternIdentifier[p]]));
                        }
                    }
                }
                if (i + length >= data.length) {
                    break;
                }
                h = (h - (data[i] & 0xff) * power) * BASE + (data[i + length] & 0xff);
            }
        }
        return hits;
    }

    /** Every occurrence in {@code text}. */
    List<Hit> text(String place, String text) {
        return bytes(place, "text", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every occurrence in a file: its bytes; if it is an SST file, every key and value as RocksDB
     * reads them; and the content of every Snappy framed stream that starts in it.
     */
    List<Hit> file(String place, Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        List<Hit> hits = new ArrayList<>(bytes(place, "bytes", data));
        if (isSst(data)) {
            hits.addAll(sst(place, file));
        }
        // Flink compresses each key group as a stream of its own, one after the other: each is
        // read up to where the next starts, so that a file of many is read once, not once per
        // stream that starts before its end.
        int at = indexOf(data, SNAPPY_STREAM, 0);
        while (at >= 0) {
            int next = indexOf(data, SNAPPY_STREAM, at + 1);
            int end = next < 0 ? data.length : next;
            hits.addAll(bytes(place, "snappy stream at " + at, snappy(data, at, end)));
            at = next;
        }
        return hits;
    }

    /** {@link #file} for every regular file under {@code root}, places relative to it. */
    List<Hit> tree(String label, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no files under " + label + " (" + root + ")");
        }
        List<Hit> hits = new ArrayList<>();
        for (Path f : files) {
            hits.addAll(file(label + "/" + root.relativize(f), f));
        }
        return hits;
    }

    /** Whether {@code data} ends in the magic number of RocksDB's block-based tables. */
    static boolean isSst(byte[] data) {
        return data.length >= SST_MAGIC.length
                && Arrays.equals(
                        data,
                        data.length - SST_MAGIC.length,
                        data.length,
                        SST_MAGIC,
                        0,
                        SST_MAGIC.length);
    }

    /** Every key and value of an SST file, as RocksDB's reader decodes them. */
    List<Hit> sst(String place, Path file) throws IOException {
        RocksDB.loadLibrary();
        List<Hit> hits = new ArrayList<>();
        // Flink's list state is merged with this operator; without it, merge operands do not read.
        try (Options options = new Options().setMergeOperatorName("stringappendtest");
                ReadOptions read = new ReadOptions();
                SstFileReader reader = new SstFileReader(options)) {
            reader.open(file.toString());
            try (SstFileReaderIterator it = reader.newIterator(read)) {
                long entry = 0;
                for (it.seekToFirst(); it.isValid(); it.next(), entry++) {
                    hits.addAll(bytes(place, "sst entry " + entry + " key", it.key()));
                    hits.addAll(bytes(place, "sst entry " + entry + " value", it.value()));
                }
                it.status();
            }
        } catch (RocksDBException e) {
            throw new IOException("cannot read SST file " + place, e);
        }
        return hits;
    }

    /**
     * What the Snappy framed stream in {@code data[from, to)} decompresses to, up to where it ends
     * or stops being one (a stream does not say its length).
     */
    static byte[] snappy(byte[] data, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in =
                new SnappyFramedInputStream(
                        new ByteArrayInputStream(data, from, to - from), true)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            // the end of the stream: what came before it is kept
        }
        return out.toByteArray();
    }

    /** Hits grouped by place and layer, for a failure message. */
    static String summary(List<Hit> hits) {
        if (hits.isEmpty()) {
            return "none";
        }
        Map<String, List<Hit>> byPlace = new LinkedHashMap<>();
        for (Hit h : hits) {
            byPlace.computeIfAbsent(
                            h.place() + " [" + layerKind(h.layer()) + "]", k -> new ArrayList<>())
                    .add(h);
        }
        // First where, in general (files of the same kind, records of the same topic), then each.
        Map<String, Long> kinds = new TreeMap<>();
        for (Hit h : hits) {
            kinds.merge(generalPlace(h.place()) + " [" + layerKind(h.layer()) + "]", 1L, Long::sum);
        }
        String general =
                kinds.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue() + " hits")
                        .collect(Collectors.joining("\n    ", "\n  by kind of place:\n    ", ""));
        int shown = 40;
        String more =
                byPlace.size() > shown
                        ? "\n  ... and " + (byPlace.size() - shown) + " more places"
                        : "";
        return byPlace.entrySet().stream()
                .limit(shown)
                .map(
                        e ->
                                e.getKey()
                                        + ": "
                                        + e.getValue().size()
                                        + " hits of "
                                        + e.getValue().stream()
                                                .map(Hit::identifier)
                                                .distinct()
                                                .count()
                                        + " identifiers, first "
                                        + e.getValue().get(0))
                .collect(Collectors.joining("\n  ", general + "\n  each:\n  ", more));
    }

    /** A place with its job ids, file names, checkpoint numbers and offsets replaced. */
    static String generalPlace(String place) {
        return place.replaceAll(
                        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<file>")
                .replaceAll("[0-9a-f]{32}", "<job>")
                .replaceAll("chk-\\d+", "chk-<n>")
                .replaceAll("savepoint-[0-9a-f]{6}-[0-9a-f]{12}", "savepoint-<id>")
                .replaceAll("-\\d+@\\d+$", "-<partition>@<offset>");
    }

    /** The kind of a layer without its position: {@code sst}, {@code snappy}, {@code bytes}. */
    static String layerKind(String layer) {
        if (layer.startsWith("sst ")) {
            return "sst";
        }
        if (layer.startsWith("snappy ")) {
            return "snappy";
        }
        return layer;
    }

    private static long hash(byte[] data, int from, int length) {
        long h = 0;
        for (int i = from; i < from + length; i++) {
            h = h * BASE + (data[i] & 0xff);
        }
        return h;
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i <= data.length - what.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (data[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
