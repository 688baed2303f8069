package io.newsflow.enrich.rest;

import io.newsflow.contracts.ReasonCode;

/** A preview request that cannot be served (mapped to a 4xx problem). */
public class PreviewException extends RuntimeException {

    private final int status;
    private final transient ReasonCode reason;

    public PreviewException(int status, ReasonCode reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public ReasonCode reason() {
        return reason;
    }
}
