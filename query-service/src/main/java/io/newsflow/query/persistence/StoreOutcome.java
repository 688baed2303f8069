package io.newsflow.query.persistence;

/** What storing one enriched event did. */
public enum StoreOutcome {
    /** A new article row. */
    INSERTED,
    /** An existing row overwritten by the same or a newer version. */
    UPDATED,
    /** Ignored: the stored row has a newer version. */
    STALE,
    /** An exact duplicate recorded as an alias of its original. */
    ALIAS_RECORDED
}
