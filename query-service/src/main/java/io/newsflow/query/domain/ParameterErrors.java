package io.newsflow.query.domain;

/** Machine-readable codes in the {@code errors} of a 400 problem. */
public final class ParameterErrors {
    public static final String BAD_DATE = "bad-date";
    public static final String BAD_RANGE = "bad-range";
    public static final String OUT_OF_RANGE = "out-of-range";
    public static final String NOT_A_NUMBER = "not-a-number";
    public static final String UNKNOWN_VALUE = "unknown-value";
    public static final String TOO_LONG = "too-long";
    public static final String TOO_MANY = "too-many-values";
    public static final String BAD_URL = "bad-url";
    public static final String BAD_LANGUAGE = "bad-language";
    public static final String BAD_CURSOR = "bad-cursor";
    public static final String NEEDS_QUERY = "needs-query";

    private ParameterErrors() {
    }
}
