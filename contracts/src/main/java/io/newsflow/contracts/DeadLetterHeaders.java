package io.newsflow.contracts;

/**
 * Header names of a record in {@link Topics#DLQ}. The value of a dead-lettered record is the original value,
 * byte for byte; the reason lives in these headers (UTF-8 strings).
 */
public final class DeadLetterHeaders {
    /** Machine-readable reason, one of {@link ReasonCode}'s values (e.g. {@code invalid-json}). */
    public static final String REASON_CODE = "dlq-reason-code";
    /** Human-readable explanation. */
    public static final String REASON = "dlq-reason";
    public static final String SOURCE_TOPIC = "dlq-source-topic";
    public static final String SOURCE_PARTITION = "dlq-source-partition";
    public static final String SOURCE_OFFSET = "dlq-source-offset";
    /** ISO-8601 instant when the record was dead-lettered. */
    public static final String TIME = "dlq-time";
    /** Name of the service that rejected the record. */
    public static final String SERVICE = "dlq-service";

    private DeadLetterHeaders() {
    }
}
