package io.newsflow.query.domain;

/** A cursor that this service did not issue, or that was altered. */
public class InvalidCursorException extends Exception {

    public InvalidCursorException(String message) {
        super(message);
    }
}
