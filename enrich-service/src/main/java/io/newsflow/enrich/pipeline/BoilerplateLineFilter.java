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
        for (String paragraph : TextBlocks.paragraphs(draft.text())) {
            List<String> lines = new ArrayList<>();
            for (String line : TextBlocks.lines(paragraph)) {
                if (rules.match(line).isEmpty()) {
                    lines.add(line);
                }
            }
            if (!lines.isEmpty()) {
                kept.add(String.join("\n", lines));
            }
        }
        draft.text(TextBlocks.join(kept));
    }
}
