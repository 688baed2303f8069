package io.newsflow.query.persistence;

import java.sql.SQLException;

/**
 * Tells a store failure caused by the record itself (retrying can never succeed) from an infrastructure
 * failure (database down, connection lost, serialisation conflict), which must be retried rather than
 * dead-lettered. When in doubt a failure counts as transient: stalling is better than losing good data.
 */
public final class StoreFailures {

    private StoreFailures() {
    }

    /** True when the record's data made PostgreSQL reject it (data exception, constraint, program limit). */
    public static boolean isCausedByRecord(Throwable failure) {
        String state = sqlState(failure);
        if (state == null) {
            return false;
        }
        // 22: data exception (bad value/encoding), 23: integrity constraint, 54: program limit exceeded
        // (e.g. a tsvector over 1 MB).
        return state.startsWith("22") || state.startsWith("23") || state.startsWith("54");
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
