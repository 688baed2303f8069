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
 * match place) when its canonical name equals the identity's title or one of the entity's mention texts. Ours
 * that match an annotated entity without an identity count neither way.
 */
public final class GumSection implements EvalSection {

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
        PrfCounter prf = new PrfCounter();
        int docs = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".conllu")).sorted().toList();
        }
        for (Path file : files) {
            GumDocument doc = GumDocument.parse(file);
            List<EntityMention> ours = EvalPipeline.text(doc.text).entities();
            score(doc, ours, prf);
            docs++;
        }
        report.put("entities.gum.precision", prf.precision());
        report.put("entities.gum.recall", prf.recall());
        report.put("entities.gum.f1", prf.f1());
        report.put("entities.gum.cases", docs);
        report.row("gum entities", "precision", prf.precision(), null, docs);
        report.row("gum entities", "recall", prf.recall(), null, docs);
        report.row("gum entities", "F1", prf.f1(), ">= 0.75", docs);
    }

    static void score(GumDocument doc, List<EntityMention> ours, PrfCounter prf) {
        Set<GumDocument.GoldEntity> matched = new HashSet<>();
        for (EntityMention m : ours) {
            String name = GumDocument.normalize(m.name());
            GumDocument.GoldEntity hit = null;
            for (GumDocument.GoldEntity g : doc.entities) {
                if (compatible(m.type(), g.type())
                        && (GumDocument.identityName(g.identity()).equals(name) || g.forms().contains(name))) {
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
            case "organization" -> EntityTypes.ORG.equals(ours);
            case "place" -> EntityTypes.LOCATION.equals(ours) || EntityTypes.COUNTRY.equals(ours);
            default -> false;
        };
    }
}
