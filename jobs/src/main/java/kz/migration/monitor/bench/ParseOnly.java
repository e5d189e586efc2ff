package kz.migration.monitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import kz.migration.monitor.job.LengthLimitedStream;

/**
 * The parse-only baseline, run as a process of its own: reads every line of every {@code .jsonl}
 * file in a directory and parses it into a Jackson tree, each file cut into one range per core (at
 * line feeds) and the ranges parsed in parallel. Prints the lines and the fields it saw.
 */
public final class ParseOnly {

    private ParseOnly() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Runtime.getRuntime().availableProcessors();
        ObjectMapper mapper = new ObjectMapper();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                long size = Files.size(f);
                long from = 0;
                for (int i = 1; i <= threads; i++) {
                    long to = i == threads ? size : lineStart(f, size * i / threads, size);
                    if (to > from) {
                        long a = from;
                        long b = to;
                        parts.add(pool.submit(() -> parse(mapper, f, a, b)));
                        from = to;
                    }
                }
            }
            long lines = 0;
            long fields = 0;
            for (Future<long[]> p : parts) {
                lines += p.get()[0];
                fields += p.get()[1];
            }
            System.out.println(lines + " " + fields);
        } finally {
            pool.shutdown();
        }
    }

    /** The first line start at or after {@code at}. */
    private static long lineStart(Path f, long at, long size) throws IOException {
        if (at == 0) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ch.position(at - 1);
            var in = Channels.newInputStream(ch);
            long pos = at - 1;
            int b;
            while ((b = in.read()) != -1) {
                pos++;
                if (b == '\n') {
                    return pos;
                }
            }
            return size;
        }
    }

    private static long[] parse(ObjectMapper mapper, Path f, long from, long to)
            throws IOException {
        long lines = 0;
        long fields = 0;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ch.position(from);
            var bounded = new java.io.BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
            var limited = new LengthLimitedStream(bounded, to - from);
            BufferedReader r =
                    new BufferedReader(
                            new InputStreamReader(limited, StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = r.readLine()) != null) {
                lines++;
                if (!line.isBlank()) {
                    try {
                        JsonNode tree = mapper.readTree(line);
                        fields += tree.size();
                    } catch (IOException malformed) {
                        // a malformed line costs its parse attempt, as in replay
                    }
                }
            }
        }
        return new long[] {lines, fields};
    }
}
