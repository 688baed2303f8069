package io.newsflow.enrich.domain;

/** Thrown when an input record is poison: it is dead-lettered, never retried. */
public final class RejectedRecordException extends Exception {

    private final transient Rejection rejection;

    public RejectedRecordException(Rejection rejection) {
        super(rejection.reason().code() + ": " + rejection.message());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
