package kz.migration.monitor.json;

/** A record's field is missing or out of the contract; the message starts with the field. */
public final class InvalidFieldException extends Exception {

    private final String field;

    public InvalidFieldException(String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
