package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.flows.PlaceKey;
import kz.migration.monitor.flows.RegionPair;
import kz.migration.monitor.labour.QuotaKey;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The job's typed keys: analysed by Flink as POJOs (not Kryo), usable as keys, surviving a round
 * trip through their serializer, and with hash codes spelled out (Flink routes keys by them).
 */
class KeyTypesTest {

    @Test
    void keysArePojoKeyTypes() {
        for (TypeInformation<?> t :
                List.of(PlaceKey.TYPE, RegionPair.TYPE, EventKey.TYPE, QuotaKey.TYPE)) {
            assertThat(t).isInstanceOf(PojoTypeInfo.class);
            assertThat(t.isKeyType()).as(t.toString()).isTrue();
        }
    }

    @Test
    void keysSurviveTheirSerializerNullsIncluded() throws Exception {
        assertThat(roundTrip(PlaceKey.TYPE, PlaceKey.of(Region.KZ_71, null)))
                .isEqualTo(new PlaceKey("KZ-71", null));
        assertThat(roundTrip(PlaceKey.TYPE, PlaceKey.of(Region.KZ_71, "ASTANA")))
                .isEqualTo(new PlaceKey("KZ-71", "astana"));
        assertThat(roundTrip(EventKey.TYPE, new EventKey("reference-data", null)))
                .isEqualTo(new EventKey("reference-data", null));
        assertThat(roundTrip(RegionPair.TYPE, new RegionPair("KZ-75", "KZ-71")))
                .isEqualTo(new RegionPair("KZ-75", "KZ-71"));
        assertThat(roundTrip(QuotaKey.TYPE, QuotaKey.total(2026)))
                .isEqualTo(new QuotaKey(2026, "ALL"));
    }

    @Test
    void hashCodesAreTheSpelledOutFormula() {
        assertThat(new PlaceKey("KZ-71", "astana").hashCode())
                .isEqualTo(31 * "KZ-71".hashCode() + "astana".hashCode());
        assertThat(new PlaceKey("KZ-71", null).hashCode()).isEqualTo(31 * "KZ-71".hashCode());
        assertThat(new RegionPair("KZ-75", "KZ-71").hashCode())
                .isEqualTo(31 * "KZ-75".hashCode() + "KZ-71".hashCode());
        assertThat(new EventKey("employment", "e1").hashCode())
                .isEqualTo(31 * "employment".hashCode() + "e1".hashCode());
    }

    @Test
    void aPlaceIsACityWhateverItsSpelling() {
        assertThat(PlaceKey.of(Region.KZ_71, "Astana"))
                .isEqualTo(PlaceKey.of(Region.KZ_71, "ASTANA"))
                .isNotEqualTo(PlaceKey.of(Region.KZ_71, null));
        assertThat(PlaceKey.of(Region.KZ_71, null).isRegion()).isTrue();
    }

    private static <T> T roundTrip(TypeInformation<T> type, T value) throws Exception {
        TypeSerializer<T> s = type.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(value, out);
        return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
