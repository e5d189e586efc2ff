package kz.migration.monitor.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.migration.monitor.event.Topics;

/**
 * Writes the contract's input files into a directory: {@code border-crossings.jsonl}, {@code
 * registrations.jsonl}, {@code employment.jsonl} and {@code reference-data.jsonl}, one record a
 * line. All four are created when the sink opens, so a stream without records still has its (empty)
 * file; existing files are replaced.
 */
public final class JsonlFileSink implements GeneratedRecordSink, AutoCloseable {

    private static final int BUFFER = 1 << 20;

    private final Map<String, Writer> writers = new LinkedHashMap<>();

    /** Opens (and truncates) the four files, creating {@code directory} if needed. */
    public JsonlFileSink(Path directory) throws IOException {
        Files.createDirectories(directory);
        try {
            for (String stream : Topics.inputs()) {
                writers.put(
                        stream,
                        new BufferedWriter(
                                new OutputStreamWriter(
                                        Files.newOutputStream(directory.resolve(fileName(stream))),
                                        StandardCharsets.UTF_8),
                                BUFFER));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** {@code border-crossings} -> {@code border-crossings.jsonl}. */
    public static String fileName(String stream) {
        return stream + ".jsonl";
    }

    @Override
    public void accept(String stream, String key, String json, Instant occurredAt) {
        Writer writer = writers.get(stream);
        if (writer == null) {
            throw new IllegalArgumentException("unknown stream " + stream);
        }
        try {
            writer.write(json);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
