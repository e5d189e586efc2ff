package kz.migration.monitor.event;

import java.time.LocalDate;

/** Residence changes from one region to another on one day. */
public record FlowMatrixRow(LocalDate date, Region fromRegion, Region toRegion, long moves) {

    /** The Kafka key: {@code date|fromRegion|toRegion}. */
    public String key() {
        return date + "|" + fromRegion.code() + "|" + toRegion.code();
    }
}
