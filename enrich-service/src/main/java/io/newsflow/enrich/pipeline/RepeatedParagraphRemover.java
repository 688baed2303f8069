package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes a paragraph whose text (case and punctuation ignored) equals an earlier paragraph or, when it is
 * long enough to be meaningful, is contained in one. The first occurrence stays.
 */
public final class RepeatedParagraphRemover implements EnrichmentStage {

    public static final String NAME = "repeated-paragraphs";

    private final int minContainedLength;

    /** @param minContainedLength shortest paragraph (comparable chars) dropped for being contained in an earlier one */
    public RepeatedParagraphRemover(int minContainedLength) {
        this.minContainedLength = minContainedLength;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        List<String> kept = new ArrayList<>();
        List<String> keptComparable = new ArrayList<>();
        List<String> paragraphs = draft.paragraphs();
        for (String paragraph : paragraphs) {
            String comparable = TextBlocks.comparable(paragraph);
            if (!comparable.isEmpty() && isRepeat(comparable, keptComparable)) {
                continue;
            }
            kept.add(paragraph);
            keptComparable.add(comparable);
        }
        draft.paragraphs(kept); // also when nothing was removed: the text leaves this stage in its normal layout
    }

    private boolean isRepeat(String comparable, List<String> earlier) {
        for (String e : earlier) {
            if (e.equals(comparable) || comparable.length() >= minContainedLength && e.contains(comparable)) {
                return true;
            }
        }
        return false;
    }
}
