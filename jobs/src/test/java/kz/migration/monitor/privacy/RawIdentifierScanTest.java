package kz.migration.monitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.shaded.io.airlift.compress.snappy.SnappyFramedOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.CompressionType;
import org.rocksdb.EnvOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.SstFileWriter;

class RawIdentifierScanTest {

    private static final String ID = "P123456789";
    private final RawIdentifierScan scan = new RawIdentifierScan(List.of("P000000000", ID));

    @TempDir Path dir;

    @Test
    void findsAnIdentifierInEveryEncodingWithItsPlaceAndIndexButNotItsText() {
        for (var charset :
                List.of(
                        StandardCharsets.UTF_8,
                        StandardCharsets.UTF_16LE,
                        StandardCharsets.UTF_16BE)) {
            byte[] data = ("x" + ID + "y").getBytes(charset);
            List<RawIdentifierScan.Hit> hits = scan.bytes("place", "bytes", data);
            // ASCII in UTF-16LE is ASCII in UTF-16BE one byte on: both may match.
            RawIdentifierScan.Hit hit =
                    hits.stream()
                            .filter(h -> h.encoding().equals(charset.name()))
                            .findFirst()
                            .orElseThrow();
            assertThat(hit.identifier()).isEqualTo(1);
            assertThat(hit.offset()).isEqualTo("x".getBytes(charset).length);
            assertThat(hit.toString()).contains("place", "#1").doesNotContain(ID);
            assertThat(RawIdentifierScan.summary(hits)).doesNotContain(ID);
        }
    }

    @Test
    void findsEveryOccurrenceAtTheEdgesAndNothingThatOnlyResemblesAnIdentifier() {
        byte[] data = (ID + "P12345678 P1234567890" + ID).getBytes(StandardCharsets.UTF_8);
        assertThat(scan.bytes("p", "bytes", data))
                .extracting(RawIdentifierScan.Hit::offset)
                .containsExactlyInAnyOrder(0L, 20L, 31L);
        assertThat(scan.text("p", "P12345678 p123456789 P12345678_9")).isEmpty();
    }

    @Test
    void readsSstFilesThroughRocksDbWhereKeysAreStoredAsSuffixesAndBlocksCompressed()
            throws Exception {
        RocksDB.loadLibrary();
        Path sst = dir.resolve("000001.sst");
        // Keys sorted and alike, as Flink's (key group, key) are: RocksDB stores each key after
        // the first of a restart interval as the suffix that differs from the one before it.
        try (Options options = new Options().setCompressionType(CompressionType.NO_COMPRESSION);
                EnvOptions env = new EnvOptions();
                SstFileWriter writer = new SstFileWriter(env, options)) {
            writer.open(sst.toString());
            for (int i = 123456780; i < 123456800; i++) {
                writer.put(("P" + i).getBytes(StandardCharsets.UTF_8), new byte[] {1});
            }
            writer.finish();
        }
        byte[] data = Files.readAllBytes(sst);
        assertThat(RawIdentifierScan.isSst(data)).isTrue();
        assertThat(scan.bytes("f", "bytes", data)).as("the key's bytes in the file").isEmpty();

        List<RawIdentifierScan.Hit> hits = scan.file("f", sst);
        assertThat(hits)
                .singleElement()
                .satisfies(
                        h -> {
                            assertThat(h.layer()).isEqualTo("sst entry 9 key");
                            assertThat(h.identifier()).isEqualTo(1);
                        });
    }

    @Test
    void readsSnappyCompressedSstBlocks() throws Exception {
        RocksDB.loadLibrary();
        Path sst = dir.resolve("000002.sst");
        try (Options options =
                        new Options().setCompressionType(CompressionType.SNAPPY_COMPRESSION);
                EnvOptions env = new EnvOptions();
                SstFileWriter writer = new SstFileWriter(env, options)) {
            writer.open(sst.toString());
            writer.put("k".getBytes(StandardCharsets.UTF_8), repeated("P1234567", 200, ID));
            writer.finish();
        }
        assertThat(scan.file("f", sst))
                .anySatisfy(h -> assertThat(h.layer()).isEqualTo("sst entry 0 value"));
    }

    @Test
    void findsIdentifiersInsideSnappyFramedStreamsAnywhereInAFile() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("an uncompressed header".getBytes(StandardCharsets.UTF_8));
        // "P1234567" repeated, then the identifier: Snappy stores most of it as a back-reference,
        // so its bytes are not in the compressed stream.
        byte[] content = repeated("P1234567", 50, ID);
        try (OutputStream snappy = new SnappyFramedOutputStream(nonClosing(file))) {
            snappy.write(content);
        }
        file.write("trailer".getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("keyed-state");
        Files.write(f, file.toByteArray());
        assertThat(scan.bytes("f", "bytes", file.toByteArray())).as("compressed bytes").isEmpty();

        assertThat(scan.file("f", f))
                .singleElement()
                .satisfies(
                        h -> {
                            assertThat(RawIdentifierScan.layerKind(h.layer())).isEqualTo("snappy");
                            assertThat(h.offset()).isEqualTo(8L * 50);
                        });
    }

    @Test
    void scansEveryFileOfATreeNamingThemRelativeToIt() throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/c.txt"), "..." + ID, StandardCharsets.UTF_16BE);
        Files.writeString(dir.resolve("a/clean.txt"), "nothing");
        assertThat(scan.tree("root", dir))
                .extracting(RawIdentifierScan.Hit::place)
                .containsExactly("root/a/b/c.txt");
    }

    @Test
    void summarisesHitsByKindOfPlaceThenEachPlace() {
        List<RawIdentifierScan.Hit> hits =
                new java.util.ArrayList<>(
                        scan.text(
                                "checkpoints/0123456789abcdef0123456789abcdef/chk-12/_metadata",
                                ID));
        hits.addAll(scan.text("alerts-1@42", ID));
        hits.addAll(scan.text("alerts-0@7", ID));
        assertThat(RawIdentifierScan.summary(hits))
                .contains("checkpoints/<job>/chk-<n>/_metadata [text]: 1 hits")
                .contains("alerts-<partition>@<offset> [text]: 2 hits")
                .contains("alerts-1@42 [text]: 1 hits")
                .doesNotContain(ID);
        assertThat(RawIdentifierScan.summary(List.of())).isEqualTo("none");
    }

    private static byte[] repeated(String filler, int times, String tail) {
        return (filler.repeat(times) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }
        };
    }
}
