package io.newsflow.enrich.domain;

/**
 * What the registry knows about an article's body.
 *
 * @param version        1 for the first body seen under the id, bumped for each new body; a body seen
 *                       before keeps the version it got then
 * @param firstIdForHash the id that first carried this content hash (this id when it was first)
 */
public record Registration(int version, String firstIdForHash) {

    /** Version reported by previews, which register nothing. */
    public static final int UNREGISTERED_VERSION = 0;

    public boolean isExactDuplicateOf(String id) {
        return firstIdForHash != null && !firstIdForHash.equals(id);
    }
}
