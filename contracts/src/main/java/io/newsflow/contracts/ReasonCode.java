package io.newsflow.contracts;

/** Why a record was rejected; the {@link #code()} is what goes into headers and problem bodies. */
public enum ReasonCode {
    EMPTY("empty-content", "the record has no content"),
    INVALID_UTF8("invalid-utf8", "the record is not valid UTF-8 (or the declared charset)"),
    INVALID_JSON("invalid-json", "the record starts with '{' but is not a valid JSON envelope"),
    INVALID_ENVELOPE("invalid-envelope", "the JSON envelope has a field of the wrong type or value"),
    TOO_LARGE("too-large", "the content exceeds the configured size limit"),
    UNSUPPORTED_CONTENT_TYPE("unsupported-content-type", "the content type is neither text/plain nor text/html"),
    INVALID_EVENT("invalid-event", "the event does not match the contract of its topic"),
    PROCESSING_FAILED("processing-failed", "the record could not be processed");

    private final String code;
    private final String description;

    ReasonCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
