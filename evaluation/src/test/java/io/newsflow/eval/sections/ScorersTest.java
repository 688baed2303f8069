package io.newsflow.eval.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.contracts.EntityMention;
import io.newsflow.eval.PrfCounter;

class ScorersTest {

    @Test
    void snippetsAreMatchedWithNormalisedWhitespace() {
        TrafilaturaSection.SnippetScore s = new TrafilaturaSection.SnippetScore();
        s.add("The  body\nsays hello.", List.of("body says", "missing part"), List.of("Impressum", "hello"));
        assertEquals(1, s.tp);
        assertEquals(1, s.fn);
        assertEquals(1, s.fp);
        assertEquals(1, s.tn);
        assertEquals(0.5, s.f1(), 1e-9);
    }

    @Test
    void goldValuesAreNormalised() {
        assertEquals("2022-01-26", Normalize.date("2022-01.26"));
        assertEquals("2022-11-01", Normalize.date("2022-11-1"));
        assertEquals(Set.of("benjamin fischer", "marcus theurer"), Normalize.authors(List.of("Benjamin Fischer und Marcus Theurer")));
        assertEquals("a title", Normalize.title("  «A   Title.» "));
    }

    @Test
    void gumDocumentsYieldTextAndLinkedEntities(@TempDir Path dir) throws Exception {
        Path f = GumTestFiles.write(dir, "GUM_news_x", "Joe Biden visited the United States.",
                "1\tJoe\tJoe\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-coref-Joe_Biden",
                "2\tBiden\tBiden\tPROPN\tNNP\t_\t0\troot\t_\tEntity=1)",
                "3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_",
                "4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-place-new-sssss-cf1-2-coref-United_States",
                "5\tUnited\tunite\tADJ\tNNP\t_\t6\tamod\t_\t_",
                "6\tStates\tstate\tPROPN\tNNPS\t_\t3\tobj\t_\tEntity=2)|SpaceAfter=No",
                "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_");
        GumDocument doc = GumDocument.parse(f);
        assertEquals("Joe Biden visited the United States.", doc.text);
        assertEquals(2, doc.entities.size());
        assertTrue(doc.entities.get(1).forms().contains("united states"));
        PrfCounter prf = new PrfCounter();
        GumSection.score(doc, List.of(new EntityMention("PERSON", "Joe Biden", null, 1),
                new EntityMention("COUNTRY", "United States", "US", 1), new EntityMention("ORG", "Nobody Inc", null, 1)), prf);
        assertEquals(2 / 3.0, prf.precision(), 1e-9);
        assertEquals(1.0, prf.recall(), 1e-9);
        assertEquals("magic", GumDocument.identityName("Magic_%28illusion%29"));
    }

    /** Two chains of one real-world entity (same identity); an unlinked mention with a title before the name. */
    static final List<String> TWO_CHAINS = List.of(
            "# newdoc id = GUM_news_y",
            "# newpar",
            "# text = Major general Fuad Basya met Joe Biden and Biden left.",
            "1\tMajor\tmajor\tADJ\tNNP\t_\t2\tamod\t_\tEntity=(3-person-new-nnnnn-cf2-1,2,3,4-coref",
            "2\tgeneral\tgeneral\tPROPN\tNNP\t_\t3\tnmod:desc\t_\t_",
            "3\tFuad\tFuad\tPROPN\tNNP\t_\t5\tnsubj\t_\t_",
            "4\tBasya\tBasya\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=3)",
            "5\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_",
            "6\tJoe\tJoe\tPROPN\tNNP\t_\t5\tobj\t_\tEntity=(1-person-new-sssss-cf1-1-coref-Joe_Biden",
            "7\tBiden\tBiden\tPROPN\tNNP\t_\t6\tflat\t_\tEntity=1)",
            "8\tand\tand\tCCONJ\tCC\t_\t10\tcc\t_\t_",
            "9\tBiden\tBiden\tPROPN\tNNP\t_\t10\tnsubj\t_\tEntity=(2-person-giv-sssss-cf1-1-coref-Joe_Biden)",
            "10\tleft\tleave\tVERB\tVBD\t_\t5\tconj\t_\tSpaceAfter=No",
            "11\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_",
            "");

    @Test
    void gumChainsWithOneIdentityAreOneEntityAndProperNamesOfMentionsMatch(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("GUM_news_y.conllu");
        Files.writeString(f, String.join("\n", TWO_CHAINS));
        GumDocument doc = GumDocument.parse(f);
        assertEquals(1, doc.entities.size(), "two chains, one identity");
        assertEquals(Set.of("joe biden", "biden"), doc.entities.get(0).forms());
        assertTrue(doc.unlinkedForms.contains("fuad basya"), doc.unlinkedForms.toString());
        PrfCounter prf = new PrfCounter();
        GumSection.score(doc, List.of(new EntityMention("PERSON", "Joe Biden", null, 2),
                new EntityMention("PERSON", "Fuad Basya", null, 1)), prf);
        assertEquals(1.0, prf.precision(), 1e-9, "an unlinked named entity's proper name counts neither way");
        assertEquals(1.0, prf.recall(), 1e-9);
    }

    @Test
    void aPersonMentionsNameIsItsHeadWithItsNameRelationsAndACountryMayBeAnActor(@TempDir Path dir) throws Exception {
        Path f = GumTestFiles.write(dir, "GUM_news_z", "Raymond Chan of People Power said North Korea fired.",
                "1\tRaymond\tRaymond\tPROPN\tNNP\t_\t6\tnsubj\t_\tEntity=(1-person-new-nnnnn-cf7-1,2-sgl-Raymond_Chan_Chi%2Dchuen",
                "2\tChan\tChan\tPROPN\tNNP\t_\t1\tflat\t_\t_",
                "3\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_",
                "4\tPeople\tPeople\tPROPN\tNNP\t_\t5\tcompound\t_\tEntity=(2-organization-new-nnnnn-cf9-1,2-sgl-People_Power_%28Hong_Kong%29",
                "5\tPower\tPower\tPROPN\tNNP\t_\t1\tnmod\t_\tEntity=2)1)",
                "6\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_",
                "7\tNorth\tNorth\tPROPN\tNNP\t_\t8\tcompound\t_\tEntity=(3-organization-new-nnnnn-cf1-1,2-sgl-North_Korea",
                "8\tKorea\tKorea\tPROPN\tNNP\t_\t9\tnsubj\t_\tEntity=3)",
                "9\tfired\tfire\tVERB\tVBD\t_\t6\tccomp\t_\tSpaceAfter=No",
                "10\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_");
        GumDocument doc = GumDocument.parse(f);
        GumDocument.GoldEntity chan = doc.entities.stream().filter(g -> g.type().equals("person")).findFirst().orElseThrow();
        assertTrue(chan.forms().contains("raymond chan"), chan.forms().toString());
        PrfCounter prf = new PrfCounter();
        GumSection.score(doc, List.of(new EntityMention("PERSON", "Raymond Chan", null, 1),
                new EntityMention("ORG", "People Power", null, 1), new EntityMention("COUNTRY", "North Korea", "KP", 1)), prf);
        assertEquals(1.0, prf.precision(), 1e-9);
        assertEquals(1.0, prf.recall(), 1e-9);
    }

    @Test
    void aTownMatchesItsWikipediaTitleWithoutTheState(@TempDir Path dir) throws Exception {
        Path f = GumTestFiles.write(dir, "GUM_news_w", "Durham, North Carolina bought art.",
                "1\tDurham\tDurham\tPROPN\tNNP\t_\t6\tnsubj\t_\tEntity=(1-place-new-sssss-cf1-1,4-sgl-Durham%2C_North_Carolina",
                "2\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_",
                "3\tNorth\tNorth\tPROPN\tNNP\t_\t4\tcompound\t_\t_",
                "4\tCarolina\tCarolina\tPROPN\tNNP\t_\t1\tappos\t_\tEntity=1)",
                "5\tbought\tbuy\tVERB\tVBD\t_\t0\troot\t_\t_",
                "6\tart\tart\tNOUN\tNN\t_\t5\tobj\t_\tSpaceAfter=No",
                "7\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_");
        GumDocument doc = GumDocument.parse(f);
        assertEquals("durham", GumDocument.placeName("Durham%2C_North_Carolina"));
        assertEquals("durham, north carolina", GumDocument.identityName("Durham%2C_North_Carolina"));
        PrfCounter prf = new PrfCounter();
        GumSection.score(doc, List.of(new EntityMention("LOCATION", "Durham", null, 1)), prf);
        assertEquals(1.0, prf.precision(), 1e-9);
        assertEquals(1.0, prf.recall(), 1e-9);
        PrfCounter asPerson = new PrfCounter();
        GumSection.score(doc, List.of(new EntityMention("PERSON", "Durham", null, 1)), asPerson);
        assertEquals(0.0, asPerson.recall(), 1e-9);
    }

    @Test
    void gumSplitIsFixedByDocumentId() {
        assertTrue(GumSplit.heldOut("GUM_news_crane"));
        assertTrue(GumSplit.heldOut("GUM_interview_peres"));
        assertFalse(GumSplit.heldOut("GUM_news_afghan"));
        assertEquals("GUM_news_x", GumSplit.docId(Path.of("dep", "GUM_news_x.conllu")));
    }

    @Test
    void seedEntityMatchIsByTypeAndName() {
        List<EntityMention> ours = List.of(new EntityMention("COUNTRY", "United States", "US", 3));
        assertTrue(SeedsSection.found(ours, "COUNTRY", "united states"));
        assertFalse(SeedsSection.found(ours, "LOCATION", "United States"));
    }
}
