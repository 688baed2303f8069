package io.newsflow.enrich.domain;

import io.newsflow.contracts.ReasonCode;

/** Why an input record cannot be enriched (it goes to the dead-letter topic). */
public record Rejection(ReasonCode reason, String message) {
}
