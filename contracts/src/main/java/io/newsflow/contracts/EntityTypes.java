package io.newsflow.contracts;

import java.util.Set;

/** The entity types of {@link EntityMention#type()}. */
public final class EntityTypes {
    public static final String PERSON = "PERSON";
    public static final String ORG = "ORG";
    public static final String LOCATION = "LOCATION";
    public static final String COUNTRY = "COUNTRY";
    public static final Set<String> ALL = Set.of(PERSON, ORG, LOCATION, COUNTRY);

    private EntityTypes() {
    }
}
