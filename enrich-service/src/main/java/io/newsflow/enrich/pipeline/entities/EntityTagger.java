package io.newsflow.enrich.pipeline.entities;

import java.util.ArrayList;
import java.util.List;

import io.newsflow.contracts.EntityTypes;
import io.newsflow.enrich.pipeline.EntityTokenizer.Token;
import io.newsflow.enrich.pipeline.Gazetteer;

/**
 * Tags person, organisation and location names in a paragraph's tokens with a linear model (an averaged
 * perceptron, trained by the evaluation module's {@code EntityTaggerTrainer}), decoding greedily left to right
 * with BIO labels.
 */
public final class EntityTagger {

    /** A tagged name: tokens [start, end) of type PERSON, ORG or LOCATION. */
    public record Span(int start, int end, String type) {
    }

    private static final String[] SPAN_TYPES = {null, EntityTypes.PERSON, EntityTypes.ORG, EntityTypes.LOCATION};
    private static final List<String> GAZ_TYPES = List.of(EntityTypes.COUNTRY, EntityTypes.LOCATION, EntityTypes.ORG,
            EntityTypes.PERSON);
    /** Added to a gazetteer hit's class on the first token of the match. */
    private static final int GAZ_BEGIN = 8;

    private final EntityTagModel model;
    private final WordClasses words;

    public EntityTagger(EntityTagModel model, WordClasses words) {
        this.model = model;
        this.words = words;
    }

    public WordClasses words() {
        return words;
    }

    /** The features of a paragraph's tokens, given the gazetteer's matches in them. */
    public EntityFeatures features(List<Token> tokens, Gazetteer.Match[] matches) {
        return features(tokens, matches, new EntityFeatures.WordMemo());
    }

    /** As {@link #features(List, Gazetteer.Match[])}, with word features shared by the paragraphs of one text. */
    public EntityFeatures features(List<Token> tokens, Gazetteer.Match[] matches, EntityFeatures.WordMemo memo) {
        return new EntityFeatures(tokens, gazetteerClasses(matches), words, model.mask(), memo);
    }

    /** The feature classes of gazetteer matches, per token (see {@link EntityFeatures}). */
    public static int[] gazetteerClasses(Gazetteer.Match[] matches) {
        int[] out = new int[matches.length];
        for (int i = 0; i < matches.length; i++) {
            Gazetteer.Match m = matches[i];
            if (m != null) {
                int type = 1 + GAZ_TYPES.indexOf(m.entry().type());
                out[i] = type + GAZ_BEGIN;
                for (int k = i + 1; k < i + m.length(); k++) {
                    out[k] = type;
                }
            }
        }
        return out;
    }

    /** Best label index per token, greedily. */
    public int[] labels(EntityFeatures features) {
        int n = features.size();
        int[] labels = new int[n];
        int[] buckets = new int[EntityFeatures.MAX_FEATURES];
        float[] scores = new float[EntityTagModel.LABELS.length];
        int previous = EntityTagModel.O;
        for (int i = 0; i < n; i++) {
            if (!features.mayBeName(i, previous)) {
                labels[i] = EntityTagModel.O;
                previous = EntityTagModel.O;
                continue;
            }
            int count = features.staticFeatures(i, buckets);
            count = features.labelFeatures(i, previous, buckets, count);
            model.score(buckets, count, scores);
            int best = bestAllowed(scores, previous);
            labels[i] = best;
            previous = best;
        }
        return labels;
    }

    /** The highest-scoring label that may follow the previous one (I-X only after B-X or I-X). */
    public static int bestAllowed(float[] scores, int previous) {
        int best = EntityTagModel.O;
        for (int l = 1; l < scores.length; l++) {
            if (scores[l] > scores[best] && allowed(previous, l)) {
                best = l;
            }
        }
        return best;
    }

    static boolean allowed(int previous, int label) {
        if (label == EntityTagModel.O || isBegin(label)) {
            return true;
        }
        return previous != EntityTagModel.O && typeOf(previous) == typeOf(label);
    }

    static boolean isBegin(int label) {
        return label % 2 == 1;
    }

    /** 1 = PERSON, 2 = ORG, 3 = LOCATION, 0 = outside. */
    static int typeOf(int label) {
        return (label + 1) / 2;
    }

    /** Label indexes back to spans. */
    public static List<Span> spans(int[] labels) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            if (labels[i] == EntityTagModel.O) {
                i++;
                continue;
            }
            int type = typeOf(labels[i]);
            int end = i + 1;
            while (end < labels.length && !isBegin(labels[end]) && labels[end] != EntityTagModel.O
                    && typeOf(labels[end]) == type) {
                end++;
            }
            out.add(new Span(i, end, SPAN_TYPES[type]));
            i = end;
        }
        return out;
    }

    /** The label index of a span type at its first (begin) or later token. */
    public static int label(String type, boolean begin) {
        int t = switch (type) {
            case EntityTypes.PERSON -> 1;
            case EntityTypes.ORG -> 2;
            case EntityTypes.LOCATION -> 3;
            default -> throw new IllegalArgumentException("not a tagged type: " + type);
        };
        return begin ? 2 * t - 1 : 2 * t;
    }
}
