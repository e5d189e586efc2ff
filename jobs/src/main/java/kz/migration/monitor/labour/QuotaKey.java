package kz.migration.monitor.labour;

import kz.migration.monitor.event.PermitCategory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * One quota of a region: the permits of an issue year in one category, or in all of them.
 *
 * @param category a category's name, or {@link #ALL} for the region's total
 */
public record QuotaKey(int year, String category) {

    /** The contract's name of a region's total quota. */
    public static final String ALL = "ALL";

    /** Analysed by Flink as a POJO, never handed to Kryo. */
    public static final TypeInformation<QuotaKey> TYPE = Types.POJO(QuotaKey.class);

    public static QuotaKey of(int year, PermitCategory category) {
        return new QuotaKey(year, category.name());
    }

    public static QuotaKey total(int year) {
        return new QuotaKey(year, ALL);
    }

    /** How the quota is named in alert identities: {@code year|CATEGORY}. */
    public String identity() {
        return year + "|" + category;
    }
}
