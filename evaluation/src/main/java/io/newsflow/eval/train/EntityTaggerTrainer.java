package io.newsflow.eval.train;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.newsflow.enrich.pipeline.EntityExtractor;
import io.newsflow.enrich.pipeline.EntityTokenizer;
import io.newsflow.enrich.pipeline.Gazetteer;
import io.newsflow.enrich.pipeline.StandardPipeline;
import io.newsflow.enrich.pipeline.entities.EntityFeatures;
import io.newsflow.enrich.pipeline.entities.EntityTagModel;
import io.newsflow.enrich.pipeline.entities.EntityTagger;
import io.newsflow.enrich.pipeline.entities.WordClasses;
import io.newsflow.eval.PrfCounter;
import io.newsflow.eval.sections.GumDocument;
import io.newsflow.eval.sections.GumSection;
import io.newsflow.eval.sections.GumSplit;

/**
 * Trains the entity tagger (an averaged perceptron over {@link EntityFeatures}) on the training part of GUM
 * Wikinews ({@link GumSplit}) and writes the model enrich-service loads. Also prints the GUM entity scores of the
 * model on its training documents and on the held-out ones, and a two-fold cross-validation inside the training
 * part (the figure to develop against), all with {@link EntityExtractor} alone (no cleaning stages).
 *
 * <pre>java -cp evaluation.jar:lib/* io.newsflow.eval.train.EntityTaggerTrainer GUM_DIR OUT_FILE</pre>
 */
public final class EntityTaggerTrainer {

    /** Passes over the training data; more overfits the small corpus (checked by cross-validation). */
    static final int EPOCHS = 20;
    /** 2^16 feature buckets: the training part has about 60k distinct features, collisions cost little. */
    static final int BUCKET_BITS = 16;
    /**
     * Seed of the per-epoch shuffle. The committed model uses the default; {@code -Dnewsflow.train.seed=N} retrains
     * with another order, which shows how much of a cross-validation difference is shuffle noise (about ±0.005 F1).
     */
    static final long SHUFFLE_SEED = Long.getLong("newsflow.train.seed", 20261122L);
    static final String GAZETTEER = "entities-gazetteer.txt";
    static final String WORDS = "entities-words.txt.gz";
    /** The service's own entity cap, so that the figures printed are those of the service's output. */
    static final int MAX_ENTITIES = StandardPipeline.Settings.serviceDefaults().integer("entities.max-entities");

    private record Doc(String id, int fold, List<Example> examples, GumDocument gold) {
    }

    record Example(EntityFeatures features, int[] gold) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EntityTaggerTrainer GUM_WIKINEWS_DIR OUT_MODEL_FILE");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).resolve("dep");
        Path out = Path.of(args[1]);
        Gazetteer gazetteer = Gazetteer.fromResource(GAZETTEER);
        WordClasses words = WordClasses.fromResource(WORDS);
        List<Doc> docs = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".conllu")).sorted().toList();
        }
        // features only need the model's bucket count, so a blank model of the trained size makes them
        EntityTagger featureMaker = new EntityTagger(new EntityTagModel(BUCKET_BITS,
                new float[(1 << BUCKET_BITS) * EntityTagModel.LABELS.length]), words);
        for (Path file : files) {
            String id = GumSplit.docId(file);
            List<Example> examples = new ArrayList<>();
            for (GumNames.Paragraph p : GumNames.read(file)) {
                examples.add(example(p, gazetteer, featureMaker));
            }
            docs.add(new Doc(id, GumSplit.fold(id), examples, GumDocument.parse(file)));
        }
        // development figure: two-fold cross-validation inside the training part (the held-out part stays unseen)
        PrfCounter crossValidated = new PrfCounter();
        for (int fold = 0; fold < GumSplit.FOLDS; fold++) {
            if (fold == GumSplit.HELD_OUT_FOLD) {
                continue;
            }
            final int f = fold;
            EntityTagModel m = train(docs.stream().filter(d -> d.fold() != f && d.fold() != GumSplit.HELD_OUT_FOLD).toList());
            PrfCounter test = score(m, gazetteer, words, docs.stream().filter(d -> d.fold() == f).toList());
            String foldModels = System.getProperty("newsflow.train.fold-models");
            if (foldModels != null) { // for error analysis: the model that scored this fold
                try (OutputStream o = Files.newOutputStream(Path.of(foldModels, "fold" + f + ".bin.gz"))) {
                    m.write(o);
                }
            }
            crossValidated.add(test.truePositives(), test.falsePositives(), test.falseNegatives());
            System.out.printf("cross-validation inside the training part, fold %d (%d docs): P %.3f R %.3f F1 %.3f%n", f,
                    docs.stream().filter(d -> d.fold() == f).count(), test.precision(), test.recall(), test.f1());
        }
        System.out.printf("cross-validation inside the training part, both folds: P %.3f R %.3f F1 %.3f%n",
                crossValidated.precision(), crossValidated.recall(), crossValidated.f1());
        List<Doc> train = docs.stream().filter(d -> !GumSplit.heldOut(d.id())).toList();
        List<Doc> heldOut = docs.stream().filter(d -> GumSplit.heldOut(d.id())).toList();
        EntityTagModel model = train(train);
        PrfCounter onTrain = score(model, gazetteer, words, train);
        PrfCounter onHeldOut = score(model, gazetteer, words, heldOut);
        System.out.printf("final model: train (%d docs) P %.3f R %.3f F1 %.3f; held out (%d docs) P %.3f R %.3f F1 %.3f%n",
                train.size(), onTrain.precision(), onTrain.recall(), onTrain.f1(), heldOut.size(),
                onHeldOut.precision(), onHeldOut.recall(), onHeldOut.f1());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        System.out.println("model written to " + out + " (" + Files.size(out) + " bytes)");
    }

    static Example example(GumNames.Paragraph p, Gazetteer gazetteer, EntityTagger featureMaker) {
        List<EntityTokenizer.Token> tokens = EntityTokenizer.tokens(p.text());
        int[] gold = new int[tokens.size()];
        for (GumNames.Name name : p.names()) {
            boolean first = true;
            for (int i = 0; i < tokens.size(); i++) {
                EntityTokenizer.Token t = tokens.get(i);
                if (t.start() >= name.start() && t.start() < name.end()) {
                    gold[i] = EntityTagger.label(name.type(), first);
                    first = false;
                }
            }
        }
        return new Example(featureMaker.features(tokens, gazetteer.longestMatches(tokens)), gold);
    }

    /** Averaged perceptron, greedy decoding with the predicted previous label, paragraphs shuffled per epoch. */
    static EntityTagModel train(List<Doc> docs) {
        int labels = EntityTagModel.LABELS.length;
        int size = (1 << BUCKET_BITS) * labels;
        float[] w = new float[size];
        float[] sum = new float[size];
        List<Example> examples = new ArrayList<>();
        docs.forEach(d -> examples.addAll(d.examples()));
        Random random = new Random(SHUFFLE_SEED);
        int[] buckets = new int[EntityFeatures.MAX_FEATURES];
        float[] scores = new float[labels];
        long step = 1;
        EntityTagModel live = new EntityTagModel(BUCKET_BITS, w);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(examples, random);
            for (Example ex : examples) {
                int previous = EntityTagModel.O;
                for (int i = 0; i < ex.features().size(); i++) {
                    if (!ex.features().mayBeName(i, previous)) {
                        previous = EntityTagModel.O;
                        step++;
                        continue;
                    }
                    int n = ex.features().staticFeatures(i, buckets);
                    n = ex.features().labelFeatures(i, previous, buckets, n);
                    live.score(buckets, n, scores);
                    int guess = EntityTagger.bestAllowed(scores, previous);
                    int truth = ex.gold()[i];
                    if (guess != truth) {
                        for (int k = 0; k < n; k++) {
                            int base = buckets[k] * labels;
                            w[base + truth] += 1;
                            sum[base + truth] += step;
                            w[base + guess] -= 1;
                            sum[base + guess] -= step;
                        }
                    }
                    previous = guess;
                    step++;
                }
            }
        }
        float[] averaged = new float[size];
        for (int k = 0; k < size; k++) {
            averaged[k] = w[k] - sum[k] / step;
        }
        return new EntityTagModel(BUCKET_BITS, averaged);
    }

    static PrfCounter score(EntityTagModel model, Gazetteer gazetteer, WordClasses words, List<Doc> docs) {
        EntityExtractor extractor = new EntityExtractor(gazetteer, new EntityTagger(model, words), MAX_ENTITIES);
        PrfCounter prf = new PrfCounter();
        for (Doc d : docs) {
            GumSection.score(d.gold(), extractor.extract(d.gold().text()), prf);
        }
        return prf;
    }
}
