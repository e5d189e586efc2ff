package kz.migration.monitor.pipeline.types;

import static kz.migration.monitor.pipeline.types.DataFields.readDate;
import static kz.migration.monitor.pipeline.types.DataFields.readEnum;
import static kz.migration.monitor.pipeline.types.DataFields.readInstant;
import static kz.migration.monitor.pipeline.types.DataFields.readString;
import static kz.migration.monitor.pipeline.types.DataFields.writeDate;
import static kz.migration.monitor.pipeline.types.DataFields.writeEnum;
import static kz.migration.monitor.pipeline.types.DataFields.writeInstant;
import static kz.migration.monitor.pipeline.types.DataFields.writeString;

import java.io.IOException;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.EntryBan;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.LabourShortage;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.Program;
import kz.migration.monitor.event.Purpose;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import kz.migration.monitor.event.Sector;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes the {@link InputEvent} union field by field behind a one-byte tag of its record type.
 * Flink would otherwise treat the sealed interface as a generic type and hand it to Kryo, which
 * writes class names and is several times slower, on every shuffle and in every checkpoint.
 */
public final class InputEventSerializer extends ImmutableTypeSerializer<InputEvent> {

    private static final long serialVersionUID = 1L;

    public static final InputEventSerializer INSTANCE = new InputEventSerializer();

    private static final byte CROSSING = 1;
    private static final byte REGISTRATION = 2;
    private static final byte EMPLOYMENT = 3;
    private static final byte QUOTA = 4;
    private static final byte THRESHOLD = 5;
    private static final byte ENTRY_BAN = 6;
    private static final byte SHORTAGE = 7;

    private static final Direction[] DIRECTIONS = Direction.values();
    private static final Purpose[] PURPOSES = Purpose.values();
    private static final Region[] REGIONS = Region.values();
    private static final RegistrationKind[] REGISTRATION_KINDS = RegistrationKind.values();
    private static final Program[] PROGRAMS = Program.values();
    private static final EmploymentKind[] EMPLOYMENT_KINDS = EmploymentKind.values();
    private static final PermitCategory[] CATEGORIES = PermitCategory.values();
    private static final Sector[] SECTORS = Sector.values();

    @Override
    public void serialize(InputEvent event, DataOutputView out) throws IOException {
        if (event instanceof BorderCrossing c) {
            out.writeByte(CROSSING);
            writeCommon(c, out);
            writeEnum(c.direction(), out);
            writeString(c.checkpoint(), out);
            writeEnum(c.region(), out);
            writeString(c.city(), out);
            writeEnum(c.purpose(), out);
            writeDate(c.permitUntil(), out);
        } else if (event instanceof Registration r) {
            out.writeByte(REGISTRATION);
            writeCommon(r, out);
            writeEnum(r.kind(), out);
            writeEnum(r.region(), out);
            writeString(r.city(), out);
            writeEnum(r.previousRegion(), out);
            writeString(r.previousCity(), out);
            writeDate(r.validUntil(), out);
            writeEnum(r.program(), out);
        } else if (event instanceof Employment e) {
            out.writeByte(EMPLOYMENT);
            writeCommon(e, out);
            writeEnum(e.kind(), out);
            writeEnum(e.region(), out);
            writeString(e.city(), out);
            writeString(e.permitId(), out);
            writeEnum(e.category(), out);
            writeDate(e.permitUntil(), out);
            writeEnum(e.sector(), out);
            writeString(e.employerId(), out);
        } else if (event instanceof QuotaLimit q) {
            out.writeByte(QUOTA);
            writeString(q.eventId(), out);
            writeInstant(q.occurredAt(), out);
            out.writeInt(q.year());
            writeEnum(q.region(), out);
            writeEnum(q.category(), out);
            out.writeLong(q.limit());
        } else if (event instanceof InflowThreshold t) {
            out.writeByte(THRESHOLD);
            writeString(t.eventId(), out);
            writeInstant(t.occurredAt(), out);
            writeEnum(t.region(), out);
            writeString(t.city(), out);
            out.writeLong(t.netInflow7d());
        } else if (event instanceof EntryBan b) {
            out.writeByte(ENTRY_BAN);
            writeString(b.eventId(), out);
            writeInstant(b.occurredAt(), out);
            writeString(b.bannedSubjectRef(), out);
            writeDate(b.until(), out);
            writeString(b.bannedCitizenship(), out);
        } else if (event instanceof LabourShortage l) {
            out.writeByte(SHORTAGE);
            writeString(l.eventId(), out);
            writeInstant(l.occurredAt(), out);
            out.writeInt(l.year());
            writeEnum(l.region(), out);
            writeEnum(l.sector(), out);
            out.writeBoolean(l.open());
        } else {
            throw new IllegalArgumentException("not an input event record: " + event);
        }
    }

    private static void writeCommon(InputEvent e, DataOutputView out) throws IOException {
        writeString(e.eventId(), out);
        writeInstant(e.occurredAt(), out);
        writeString(e.subjectRef(), out);
        writeString(e.citizenship(), out);
    }

    @Override
    public InputEvent deserialize(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case CROSSING ->
                    new BorderCrossing(
                            readString(in),
                            readInstant(in),
                            readString(in),
                            readString(in),
                            readEnum(DIRECTIONS, in),
                            readString(in),
                            readEnum(REGIONS, in),
                            readString(in),
                            readEnum(PURPOSES, in),
                            readDate(in));
            case REGISTRATION ->
                    new Registration(
                            readString(in),
                            readInstant(in),
                            readString(in),
                            readString(in),
                            readEnum(REGISTRATION_KINDS, in),
                            readEnum(REGIONS, in),
                            readString(in),
                            readEnum(REGIONS, in),
                            readString(in),
                            readDate(in),
                            readEnum(PROGRAMS, in));
            case EMPLOYMENT ->
                    new Employment(
                            readString(in),
                            readInstant(in),
                            readString(in),
                            readString(in),
                            readEnum(EMPLOYMENT_KINDS, in),
                            readEnum(REGIONS, in),
                            readString(in),
                            readString(in),
                            readEnum(CATEGORIES, in),
                            readDate(in),
                            readEnum(SECTORS, in),
                            readString(in));
            case QUOTA ->
                    new QuotaLimit(
                            readString(in),
                            readInstant(in),
                            in.readInt(),
                            readEnum(REGIONS, in),
                            readEnum(CATEGORIES, in),
                            in.readLong());
            case THRESHOLD ->
                    new InflowThreshold(
                            readString(in),
                            readInstant(in),
                            readEnum(REGIONS, in),
                            readString(in),
                            in.readLong());
            case ENTRY_BAN ->
                    new EntryBan(
                            readString(in),
                            readInstant(in),
                            readString(in),
                            readDate(in),
                            readString(in));
            case SHORTAGE ->
                    new LabourShortage(
                            readString(in),
                            readInstant(in),
                            in.readInt(),
                            readEnum(REGIONS, in),
                            readEnum(SECTORS, in),
                            in.readBoolean());
            default -> throw new IOException("unknown input event tag " + tag);
        };
    }

    @Override
    public TypeSerializerSnapshot<InputEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration; its format is fixed by this class. */
    public static final class Snapshot extends SubjectRefFormSnapshot<InputEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
