package io.newsflow.ingest.messaging;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells failures that will likely pass (broker unreachable, leader moving, our own ack timeout) from those that
 * will not (a bug, a record the broker refuses): only the former are retried, so a poison record never blocks
 * a partition and good data is never dead-lettered because of an outage.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
