package io.newsflow.enrich.persistence;

/** The dedup or story index could not be read or written (database trouble): the caller retries. */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
