package kz.migration.monitor.flows;

import java.util.Locale;
import java.util.Objects;
import kz.migration.monitor.event.Region;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The key of a place: a region, or a city within it. Cities are compared case-insensitively, so
 * every spelling of one city is one place.
 *
 * @param regionCode the region's ISO code, e.g. {@code KZ-71}
 * @param cityFolded the city in lower case (root locale), {@code null} for the region itself
 */
public record PlaceKey(String regionCode, String cityFolded) {

    /** Analysed by Flink as a POJO, never handed to Kryo. */
    public static final TypeInformation<PlaceKey> TYPE = Types.POJO(PlaceKey.class);

    /** The place of {@code city} in {@code region}, or of the region when {@code city} is null. */
    public static PlaceKey of(Region region, String city) {
        return new PlaceKey(region.code(), city == null ? null : city.toLowerCase(Locale.ROOT));
    }

    public Region region() {
        return Region.ofCode(regionCode);
    }

    public boolean isRegion() {
        return cityFolded == null;
    }

    /**
     * Spelled out: Flink routes keys by their hash code, and a record's own is unspecified and may
     * differ between JDKs.
     */
    @Override
    public int hashCode() {
        return 31 * regionCode.hashCode() + Objects.hashCode(cityFolded);
    }
}
