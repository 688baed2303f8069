package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Drops lines that match a {@link BoilerplateRules} pattern (widgets, promos, share bars, copyright...). */
public final class BoilerplateLineFilter implements EnrichmentStage {

    public static final String NAME = "boilerplate-lines";

    private final BoilerplateRules rules;

    public BoilerplateLineFilter(BoilerplateRules rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        List<String> kept = new ArrayList<>();
        BoilerplateRules.LineMatcher matcher = rules.lineMatcher();
        for (String paragraph : draft.paragraphs()) {
            List<String> lines = TextBlocks.lines(paragraph);
            List<String> keptLines = new ArrayList<>(lines.size());
            for (String line : lines) {
                if (!matcher.matchesAny(line)) {
                    keptLines.add(line);
                }
            }
            if (keptLines.size() == lines.size()) {
                kept.add(paragraph);
            } else if (!keptLines.isEmpty()) {
                kept.add(String.join("\n", keptLines));
            }
        }
        draft.paragraphs(kept); // also when nothing was dropped: the text leaves this stage in its normal layout
    }
}
