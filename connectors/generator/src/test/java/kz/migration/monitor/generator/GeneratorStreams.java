package kz.migration.monitor.generator;

import java.util.List;

/** The streams whose records are about a person. */
final class GeneratorStreams {

    static final List<String> PERSON_STREAMS =
            List.of(
                    GeneratedRecordSink.BORDER_CROSSINGS,
                    GeneratedRecordSink.REGISTRATIONS,
                    GeneratedRecordSink.EMPLOYMENT);

    private GeneratorStreams() {}
}
