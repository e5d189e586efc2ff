package kz.migration.monitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Registration;
import org.junit.jupiter.api.Test;

class GeneratedPeopleTest {

    private final GeneratedPeople traffic = new GeneratedPeople(1000, 10, 60);

    private InputEvent at(long index) {
        return traffic.map(index).event();
    }

    @Test
    void everyIndexIsAValidEventInEventTimeOrderWithItsOwnId() {
        Set<String> ids = new HashSet<>();
        long previous = Long.MIN_VALUE;
        for (long i = 0; i < traffic.count(); i++) {
            InputEvent e = at(i);
            assertThat(e.subjectRef()).matches("P\\d{9}");
            assertThat(e.timestamp()).isGreaterThanOrEqualTo(previous);
            assertThat(ids.add(e.eventId())).as("eventId of %d is new", i).isTrue();
            previous = e.timestamp();
        }
    }

    @Test
    void thePeopleEnterWithAVisaAndStayBeyondTheFill() {
        for (long i = 1; i < traffic.firstChange(); i++) {
            BorderCrossing c = (BorderCrossing) at(i);
            assertThat(c.direction()).isEqualTo(Direction.ENTRY);
            assertThat(c.permitUntil())
                    .isAfter(KazakhstanTime.dateOf(at(traffic.firstProbe()).occurredAt()));
        }
    }

    @Test
    void changesTouchPeopleInStateButNeverTheProbe() {
        String probe = at(0).subjectRef();
        Set<String> inState = new HashSet<>();
        for (long i = 0; i < traffic.firstChange(); i++) {
            inState.add(at(i).subjectRef());
        }
        for (long i = traffic.firstChange(); i < traffic.firstProbe(); i++) {
            InputEvent e = at(i);
            assertThat(e).isInstanceOfAny(BorderCrossing.class, Registration.class);
            assertThat(inState).contains(e.subjectRef());
            assertThat(e.subjectRef()).isNotEqualTo(probe);
        }
    }

    @Test
    void theProbeIsTheFirstPersonLeavingLongAfterHerFiveDayVisaThenANewEntry() {
        BorderCrossing first = (BorderCrossing) at(0);
        assertThat(first.permitUntil())
                .isEqualTo(KazakhstanTime.dateOf(first.occurredAt()).plusDays(5));
        BorderCrossing exit = (BorderCrossing) at(traffic.firstProbe());
        assertThat(exit.subjectRef()).isEqualTo(first.subjectRef());
        assertThat(exit.direction()).isEqualTo(Direction.EXIT);
        BorderCrossing next = (BorderCrossing) at(traffic.firstProbe() + 1);
        assertThat(next.direction()).isEqualTo(Direction.ENTRY);
        assertThat(next.timestamp()).isGreaterThan(exit.timestamp());
        assertThat(traffic.count())
                .isEqualTo(traffic.firstProbe() + GeneratedPeople.PROBE_EVENTS + 1);
    }
}
