package kz.migration.monitor.metrics;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * {@link GaugeChangeSerializer} against Flink's serializer test suite: both modes, no labels to
 * several, an empty label value, non-ASCII spellings and fractional values.
 */
class GaugeChangeSerializerTest extends SerializerTestBase<GaugeChange> {

    @Override
    protected TypeSerializer<GaugeChange> createSerializer() {
        return GaugeChangeSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<GaugeChange> getTypeClass() {
        return GaugeChange.class;
    }

    @Override
    protected GaugeChange[] getTestData() {
        return new GaugeChange[] {
            GaugeChange.add(GaugeSeries.of("migration_people_present", "group", "CIS"), 1),
            GaugeChange.add(
                    GaugeSeries.of(
                            "migration_overstays_active", "region", "KZ-61", "severity", "MAJOR"),
                    -1),
            GaugeChange.set(
                    GaugeSeries.of(
                            "migration_net_inflow",
                            "region",
                            "KZ-63",
                            "city",
                            "Өскемен",
                            "window",
                            "7d"),
                    -12),
            GaugeChange.set(
                    GaugeSeries.of(
                            "migration_net_inflow", "region", "KZ-71", "city", "", "window", "1d"),
                    0),
            GaugeChange.set(
                    GaugeSeries.of(
                            "migration_quota_utilisation_ratio",
                            "region",
                            "KZ-47",
                            "category",
                            "CAT2"),
                    1.5),
            GaugeChange.set(GaugeSeries.of("migration_example"), 3)
        };
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<GaugeChange> serializer) {
        // Immutable records: nothing to reuse, so no instance to create.
        return true;
    }
}
