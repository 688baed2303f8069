package io.newsflow.contracts;

/** Values of {@link EnrichedArticle#duplicateKind()}. */
public final class DuplicateKinds {
    /** Same normalised content or canonical URL as an earlier article under another id: no new row. */
    public static final String EXACT = "exact";
    /** Near-duplicate (syndicated copy): stored, marked duplicateOf the first-seen copy. */
    public static final String NEAR = "near";

    private DuplicateKinds() {
    }
}
