package io.newsflow.eval.sections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.EntityTypes;
import io.newsflow.eval.EvalPipeline;
import io.newsflow.eval.EvalReport;
import io.newsflow.eval.EvalSection;
import io.newsflow.eval.PrfCounter;

/**
 * Entities on GUM Wikinews, per document and per distinct entity: gold is every person, organisation or place with
 * a Wikipedia identity; one of our entities matches a gold one of a compatible type (COUNTRY and LOCATION both
 * match place) when its canonical name equals the identity's title (a place's also without the ", State" that
 * Wikipedia adds to tell towns apart) or one of the entity's mention texts. Ours
 * that match an annotated entity without an identity count neither way. The entity tagger is trained on part of
 * GUM, so the headline figures ({@code entities.gum.*}) are over the held-out documents of {@link GumSplit}; the
 * training part and all documents are reported beside them.
 */
public final class GumSection implements EvalSection {

    private static final String PLACE = "place";

    @Override
    public String name() {
        return "gum";
    }

    @Override
    public String dataFolder() {
        return "gum-wikinews";
    }

    @Override
    public void run(Path dataRoot, EvalReport report, Path predictions) throws Exception {
        Path dir = dataRoot.resolve(dataFolder()).resolve("dep");
        PrfCounter heldOut = new PrfCounter();
        PrfCounter train = new PrfCounter();
        int heldOutDocs = 0;
        int trainDocs = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".conllu")).sorted().toList();
        }
        for (Path file : files) {
            GumDocument doc = GumDocument.parse(file);
            List<EntityMention> ours = EvalPipeline.text(doc.text).entities();
            if (GumSplit.heldOut(GumSplit.docId(file))) {
                score(doc, ours, heldOut);
                heldOutDocs++;
            } else {
                score(doc, ours, train);
                trainDocs++;
            }
        }
        PrfCounter all = new PrfCounter();
        all.add(heldOut.truePositives() + train.truePositives(), heldOut.falsePositives() + train.falsePositives(),
                heldOut.falseNegatives() + train.falseNegatives());
        put(report, "entities.gum", "gum entities (held out)", heldOut, heldOutDocs, ">= 0.75");
        put(report, "entities.gum.train", "gum entities (train part)", train, trainDocs, null);
        put(report, "entities.gum.all", "gum entities (all)", all, heldOutDocs + trainDocs, null);
    }

    private static void put(EvalReport report, String key, String row, PrfCounter prf, int docs, String target) {
        report.put(key + ".precision", prf.precision());
        report.put(key + ".recall", prf.recall());
        report.put(key + ".f1", prf.f1());
        report.put(key + ".cases", docs);
        report.row(row, "precision", prf.precision(), null, docs);
        report.row(row, "recall", prf.recall(), null, docs);
        report.row(row, "F1", prf.f1(), target, docs);
    }

    public static void score(GumDocument doc, List<EntityMention> ours, PrfCounter prf) {
        Set<GumDocument.GoldEntity> matched = new HashSet<>();
        for (EntityMention m : ours) {
            String name = GumDocument.normalize(m.name());
            GumDocument.GoldEntity hit = null;
            for (GumDocument.GoldEntity g : doc.entities) {
                if (compatible(m.type(), g.type()) && (GumDocument.identityName(g.identity()).equals(name)
                        || g.forms().contains(name) || PLACE.equals(g.type()) && GumDocument.placeName(g.identity()).equals(name))) {
                    hit = g;
                    break;
                }
            }
            if (hit != null) {
                if (matched.add(hit)) {
                    prf.tp();
                }
            } else if (!doc.unlinkedForms.contains(name)) {
                prf.fp();
            }
        }
        for (GumDocument.GoldEntity g : doc.entities) {
            if (!matched.contains(g)) {
                prf.fn();
            }
        }
    }

    static boolean compatible(String ours, String gumType) {
        return switch (gumType) {
            case "person" -> EntityTypes.PERSON.equals(ours);
            // a country is a geopolitical entity: GUM types it organization where it acts ("North Korea fired"),
            // place elsewhere; the name must still be the entity's identity or one of its mentions
            case "organization" -> EntityTypes.ORG.equals(ours) || EntityTypes.COUNTRY.equals(ours);
            case "place" -> EntityTypes.LOCATION.equals(ours) || EntityTypes.COUNTRY.equals(ours);
            default -> false;
        };
    }
}
