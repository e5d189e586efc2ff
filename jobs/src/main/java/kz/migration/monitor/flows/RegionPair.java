package kz.migration.monitor.flows;

import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The key of a move between two regions.
 *
 * @param from the ISO code of the region moved from
 * @param to the ISO code of the region moved to
 */
public record RegionPair(String from, String to) {

    /** Analysed by Flink as a POJO, never handed to Kryo. */
    public static final TypeInformation<RegionPair> TYPE = Types.POJO(RegionPair.class);

    /** The regions a residence change moves between. */
    public static RegionPair of(Registration move) {
        return new RegionPair(move.previousRegion().code(), move.region().code());
    }

    public Region fromRegion() {
        return Region.ofCode(from);
    }

    public Region toRegion() {
        return Region.ofCode(to);
    }

    /**
     * Spelled out: Flink routes keys by their hash code, and a record's own is unspecified and may
     * differ between JDKs.
     */
    @Override
    public int hashCode() {
        return 31 * from.hashCode() + to.hashCode();
    }
}
