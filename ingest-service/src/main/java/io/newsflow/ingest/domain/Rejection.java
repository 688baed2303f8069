package io.newsflow.ingest.domain;

import java.util.Objects;

import io.newsflow.contracts.ReasonCode;

/**
 * Why a record or request body cannot be accepted.
 *
 * @param reason  the machine-readable reason (its {@link ReasonCode#code()} goes into DLQ headers and problem bodies)
 * @param field   the envelope field concerned, or null when the whole record is at fault
 * @param message human-readable explanation, safe to show to the publisher
 */
public record Rejection(ReasonCode reason, String field, String message) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public static Rejection of(ReasonCode reason, String message) {
        return new Rejection(reason, null, message);
    }

    public static Rejection ofField(ReasonCode reason, String field, String message) {
        return new Rejection(reason, field, message);
    }

    public String code() {
        return reason.code();
    }
}
