package io.newsflow.query.domain;

import java.util.List;

import io.newsflow.contracts.Problem;

/** One or more request parameters are invalid; each error names its parameter. */
public class InvalidParametersException extends Exception {

    private final transient List<Problem.ItemError> errors;

    public InvalidParametersException(List<Problem.ItemError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<Problem.ItemError> errors() {
        return errors;
    }
}
