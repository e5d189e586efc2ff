package kz.migration.monitor.generator;

import java.util.List;
import kz.migration.monitor.event.Topics;

/** The streams whose records are about a person. */
final class GeneratorStreams {

    static final List<String> PERSON_STREAMS =
            List.of(Topics.BORDER_CROSSINGS, Topics.REGISTRATIONS, Topics.EMPLOYMENT);

    private GeneratorStreams() {}
}
