package io.newsflow.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.config.DedupProducer;

/**
 * The story-term weighting added for ECB+'s hard negatives: term-share cap, lead boost, country names in the text, the
 * year's weight.
 */
class StoryTermWeightingTest {

    private static final double EPS = 1e-9;

    @Test
    void cappedVectorsKeepUnitLengthAndNoTermAboveTheShare() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("e:apple", 10.0);
        for (int i = 0; i < 15; i++) {
            v.put("w:t" + i, 1.0);
        }
        Map<String, Double> c = TermVectors.capped(v, 0.3);
        assertEquals(1.0, Math.sqrt(c.values().stream().mapToDouble(x -> x * x).sum()), EPS);
        assertTrue(c.values().stream().allMatch(x -> x <= 0.3 + EPS), c.toString());
        // the heavy term stays the heaviest, the others keep their order and proportions
        assertEquals(0.3, c.get("e:apple"), 1e-6);
        assertEquals(c.get("w:t0"), c.get("w:t14"), EPS);
        // a share of 1 changes nothing but the length
        assertEquals(TermVectors.normalize(v), TermVectors.capped(v, 1.0));
    }

    @Test
    void aSharedHeavyNameAloneNoLongerReachesTheThreshold() {
        Map<String, Double> article = new LinkedHashMap<>(Map.of("e:microsoft", 5.0));
        Map<String, Double> story = new LinkedHashMap<>(Map.of("e:microsoft", 5.0));
        for (int i = 0; i < 12; i++) {
            article.put("w:a" + i, 1.0);
            story.put("w:s" + i, 1.0);
        }
        double uncapped = TermVectors.cosine(TermVectors.normalize(article), TermVectors.normalize(story));
        double capped = TermVectors.cosine(TermVectors.capped(article, 0.3), TermVectors.capped(story, 0.3));
        assertTrue(uncapped > 0.6, "one name dominates: " + uncapped);
        assertTrue(capped < 0.2, "capped: " + capped);
    }

    @Test
    void leadSentencesWeighMoreThanBackground() {
        SalientTermExtractor flat = new SalientTermExtractor(3, 2);
        SalientTermExtractor lead = new SalientTermExtractor(3, 2, 1, 2.0, Set.of(), 1.0);
        String text = "Thieves rammed a car into the Casty jewellery store. In 2008 robbers took diamonds from Harry Winston.";
        Map<String, Double> f = flat.extract(null, text).terms();
        Map<String, Double> l = lead.extract(null, text).terms();
        assertEquals(f.get("n:casty"), f.get("n:winston"), EPS);
        assertTrue(l.get("n:casty") > l.get("n:winston"), l.toString());
        assertEquals(f.get("n:winston"), l.get("n:winston"), EPS);
    }

    @Test
    void aYearWeighsItsOwnWeightAndOtherFiguresWeighAsCommonWords() {
        SalientTermExtractor x = new SalientTermExtractor(3, 18, 2, 0, 1.0, Set.of(), 1.0);
        Map<String, Double> t = x.extract(null, "Rescuers counted 340 dead after the 2008 quake in Sichuan.").terms();
        // term weights are 1 + log(weighted count)
        assertEquals(1 + Math.log(18), t.get("d:2008"), EPS);
        assertEquals(1.0, t.get("d:340"), EPS);
        assertEquals(1 + Math.log(3), t.get("n:sichuan"), EPS);
        // the shorter constructors keep a year at the proper-noun weight
        assertEquals(t.get("n:sichuan"), new SalientTermExtractor(3, 2).extract(null, "The 2008 quake in Sichuan.").terms()
                .get("d:2008"), EPS);
    }

    @Test
    void countryNamesAndDemonymsInTheTextWeighLikeCountryEntities() {
        Set<String> countries = DedupProducer.countryNames("entities-gazetteer.txt");
        assertTrue(countries.containsAll(List.of("Japan", "Japanese", "United States")), "gazetteer COUNTRY aliases");
        SalientTermExtractor x = new SalientTermExtractor(3, 2, 0, 1.0, countries, 0.3);
        Map<String, Double> t = x.extract(null,
                "Officials in Tokyo said the Japanese and United States forces drafted a plan with Kyodo sources.").terms();
        // term weights are 1 + log(weighted count): a proper noun once counts 3, a country name once 3 * 0.3
        assertEquals(1 + Math.log(3), t.get("n:tokyo"), EPS);
        assertEquals(1 + Math.log(3 * 0.3), t.get("n:japanese"), EPS);
        assertEquals(t.get("n:japanese"), t.get("n:united"), EPS);
        assertEquals(t.get("n:japanese"), t.get("n:states"), EPS);
        assertEquals(t.get("n:tokyo"), t.get("n:kyodo"), EPS);
        // only the whole name: "United" alone (United Airlines) is an ordinary proper noun
        Map<String, Double> airline = x.extract(null, "Passengers said United Airlines cancelled the Denver flight.").terms();
        assertEquals(airline.get("n:denver"), airline.get("n:united"), EPS);
    }
}
