package io.newsflow.query.persistence;

/**
 * Prefixes of the keys in an article row's {@code (entity_set).keys} (V8: {@code entity_set_of}), which the entity
 * filter looks up: one key per entity id and one per lower-cased canonical name, kept apart so that an id never
 * matches a name.
 */
final class EntityKeys {

    static final String ID = "i:";
    static final String NAME = "n:";

    private EntityKeys() {
    }
}
