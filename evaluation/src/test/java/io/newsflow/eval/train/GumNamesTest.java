package io.newsflow.eval.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.contracts.EntityTypes;
import io.newsflow.enrich.pipeline.EntityTokenizer;
import io.newsflow.enrich.pipeline.Gazetteer;
import io.newsflow.enrich.pipeline.entities.EntityTagModel;
import io.newsflow.enrich.pipeline.entities.EntityTagger;
import io.newsflow.enrich.pipeline.entities.WordClasses;
import io.newsflow.eval.sections.GumTestFiles;

class GumNamesTest {

    @Test
    void namesAreProperRunsAroundTheHeadWithoutTitles(@TempDir Path dir) throws Exception {
        Path f = GumTestFiles.write(dir, "GUM_news_z",
                "President Joe Biden of the Democratic Party visited the Bay of Bengal region.",
                "1\tPresident\tpresident\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-sssss-cf1-1-coref-Joe_Biden",
                "2\tJoe\tJoe\tPROPN\tNNP\t_\t3\tflat\t_\t_",
                "3\tBiden\tBiden\tPROPN\tNNP\t_\t8\tnsubj\t_\t_",
                "4\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_",
                "5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(2-organization-new-sssss-cf1-1-coref-Democratic_Party",
                "6\tDemocratic\tDemocratic\tADJ\tNNP\t_\t7\tamod\t_\t_",
                "7\tParty\tParty\tPROPN\tNNP\t_\t3\tnmod\t_\tEntity=2)1)",
                "8\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_",
                "9\tthe\tthe\tDET\tDT\t_\t13\tdet\t_\tEntity=(3-place-new-sssss-cf1-1-coref",
                "10\tBay\tBay\tPROPN\tNNP\t_\t13\tcompound\t_\t_",
                "11\tof\tof\tADP\tIN\t_\t12\tcase\t_\t_",
                "12\tBengal\tBengal\tPROPN\tNNP\t_\t10\tnmod\t_\t_",
                "13\tregion\tregion\tNOUN\tNN\t_\t8\tobj\t_\tEntity=3)|SpaceAfter=No",
                "14\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_");
        List<GumNames.Paragraph> paragraphs = GumNames.read(f);
        assertEquals(1, paragraphs.size());
        GumNames.Paragraph p = paragraphs.get(0);
        List<String> names = p.names().stream().map(n -> n.type() + ":" + p.text().substring(n.start(), n.end())).toList();
        // the title is dropped, the person stops before "of", the nested party is a name of its own, and
        // "the Bay of Bengal region" has a common-noun head: not a name
        assertEquals(List.of(EntityTypes.PERSON + ":Joe Biden", EntityTypes.ORG + ":Democratic Party"), names);

        EntityTagger features = new EntityTagger(new EntityTagModel(8, new float[256 * EntityTagModel.LABELS.length]),
                WordClasses.none());
        EntityTaggerTrainer.Example ex = EntityTaggerTrainer.example(p, Gazetteer.parse(List.of()), features);
        List<EntityTokenizer.Token> tokens = EntityTokenizer.tokens(p.text());
        assertEquals("Joe", tokens.get(1).text());
        assertEquals(EntityTagger.label(EntityTypes.PERSON, true), ex.gold()[1]);
        assertEquals(EntityTagger.label(EntityTypes.PERSON, false), ex.gold()[2]);
        assertEquals(EntityTagModel.O, ex.gold()[0]);
    }
}
