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

    /**
     * The condition "the article row {@code alias} mentions the entity given by id or canonical name in the named
     * parameter": the name is lower-cased by PostgreSQL, as {@code entity_set_of} lower-cases the stored names, so
     * a lookup and the stored key never disagree on a character's lower case.
     */
    static String mentionedIn(String alias, String parameter) {
        return "(" + alias + ".entity_set).keys && ARRAY['" + ID + "' || CAST(:" + parameter + " AS text), '" + NAME
                + "' || lower(CAST(:" + parameter + " AS text))]";
    }
}
