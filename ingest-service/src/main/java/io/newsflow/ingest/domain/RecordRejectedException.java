package io.newsflow.ingest.domain;

/**
 * Carries a {@link Rejection} out of a nested parsing step. Internal to the domain package: callers only ever
 * see an {@link IngestOutcome}. No stack trace, because a rejection is an expected outcome, not a bug.
 */
final class RecordRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    RecordRejectedException(Rejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }
}
