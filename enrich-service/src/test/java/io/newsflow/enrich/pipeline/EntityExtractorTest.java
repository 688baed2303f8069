package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.EntityTypes;
import io.newsflow.enrich.pipeline.entities.EntityTagModel;
import io.newsflow.enrich.pipeline.entities.EntityTagger;
import io.newsflow.enrich.pipeline.entities.WordClasses;

class EntityExtractorTest {

    /** The extractor as the service builds it: the shipped gazetteer, tagger model and word list. */
    private static final EntityExtractor EXTRACTOR = new EntityExtractor(Gazetteer.fromResource("entities-gazetteer.txt"),
            new EntityTagger(EntityTagModel.fromResource("entities-tagger.bin.gz"),
                    WordClasses.fromResource("entities-words.txt.gz")), 50);

    private static EntityMention find(List<EntityMention> all, String type, String name) {
        return all.stream().filter(m -> m.type().equals(type) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(type + " " + name + " not in " + all));
    }

    @Test
    void countriesByAliasAndDemonymWithIsoCodes() {
        List<EntityMention> e = EXTRACTOR.extract("The U.S. and Japan met. American and Japanese officials said the "
                + "United States would help. US forces stay in America.");
        EntityMention us = find(e, EntityTypes.COUNTRY, "United States");
        assertEquals("US", us.canonicalId());
        assertEquals(5, us.mentions());
        EntityMention jp = find(e, EntityTypes.COUNTRY, "Japan");
        assertEquals("JP", jp.canonicalId());
        assertEquals(2, jp.mentions());
    }

    @Test
    void capitalAsMetonymStaysALocation() {
        List<EntityMention> e = EXTRACTOR.extract("Beijing protested on Monday. While Taipei has insisted on talks, WASHINGTON said no.");
        find(e, EntityTypes.LOCATION, "Beijing");
        find(e, EntityTypes.LOCATION, "Taipei");
        find(e, EntityTypes.LOCATION, "Washington");
        assertFalse(e.stream().anyMatch(m -> m.name().equals("China")));
    }

    @Test
    void personsAfterTitlesAndSurnameMentions() {
        List<EntityMention> e = EXTRACTOR.extract("US Secretary of State Antony Blinken and Defense Secretary Lloyd Austin "
                + "met Foreign Minister Hayashi Yoshimasa. Blinken said so. Secretary of Defense Robert M. Gates agreed.");
        assertEquals(2, find(e, EntityTypes.PERSON, "Antony Blinken").mentions());
        find(e, EntityTypes.PERSON, "Lloyd Austin");
        find(e, EntityTypes.PERSON, "Hayashi Yoshimasa");
        find(e, EntityTypes.PERSON, "Robert M. Gates");
    }

    @Test
    void organisationsAndPlacesBySuffix() {
        List<EntityMention> e = EXTRACTOR.extract("The Defense Industry Council met near the Philippine Sea. "
                + "It said the Korean Peninsula was calm, AUKUS agreed.");
        find(e, EntityTypes.ORG, "Defense Industry Council");
        find(e, EntityTypes.LOCATION, "Philippine Sea");
        find(e, EntityTypes.LOCATION, "Korean Peninsula");
        find(e, EntityTypes.ORG, "AUKUS");
    }

    @Test
    void facilitiesArePlacesAndAPersonOfAPartyIsTwoNames() {
        List<EntityMention> e = EXTRACTOR.extract("The shuttle was moved from the Kennedy Space Center to the California "
                + "Science Center, near the Adler Planetarium. In Kowloon East, Alvin Yeung of the Civic Party won.");
        find(e, EntityTypes.LOCATION, "Kennedy Space Center");
        find(e, EntityTypes.LOCATION, "California Science Center");
        find(e, EntityTypes.LOCATION, "Adler Planetarium");
        find(e, EntityTypes.PERSON, "Alvin Yeung");
        find(e, EntityTypes.ORG, "Civic Party");
        assertFalse(e.stream().anyMatch(m -> m.name().contains(" of ")), e.toString());
    }

    @Test
    void aCentreNamedForItsWorkIsAnOrganisation() {
        List<EntityMention> e = EXTRACTOR.extract("A survey by the Pew Research Center found that most readers trust "
                + "local news. The Pew Research Center polled 9,000 adults at the Kennedy Space Center.");
        assertEquals(2, find(e, EntityTypes.ORG, "Pew Research Center").mentions());
        find(e, EntityTypes.LOCATION, "Kennedy Space Center");
        assertFalse(e.stream().anyMatch(m -> m.type().equals(EntityTypes.LOCATION) && m.name().contains("Pew")), e.toString());
    }

    @Test
    void aTownBeforeItsStateIsAPlace() {
        List<EntityMention> e = EXTRACTOR.extract("The museum moved from McMinnville, Oregon, to Chapel Hill, North "
                + "Carolina and the team in Irving, Texas. Angela Merkel, German chancellor, and Mitt Romney, "
                + "Massachusetts governor, met.");
        find(e, EntityTypes.LOCATION, "McMinnville");
        find(e, EntityTypes.LOCATION, "Chapel Hill");
        find(e, EntityTypes.LOCATION, "Irving");
        find(e, EntityTypes.LOCATION, "North Carolina");
        find(e, EntityTypes.PERSON, "Angela Merkel");
        find(e, EntityTypes.PERSON, "Mitt Romney");
    }

    @Test
    void aPersonsNameDoesNotEndInATitle() {
        List<EntityMention> e = EXTRACTOR.extract("The trainer, on which [former Museum of Flight CEO] Bonnie Dunbar "
                + "trained, will soon call the Museum of Flight home.");
        find(e, EntityTypes.PERSON, "Bonnie Dunbar");
        find(e, EntityTypes.LOCATION, "Museum of Flight");
        assertFalse(e.stream().anyMatch(m -> m.name().endsWith("CEO")), e.toString());
    }

    @Test
    void sentenceStartWordsAreNotEntities() {
        List<EntityMention> e = EXTRACTOR.extract("However, the talks went on. Meanwhile nothing changed.");
        assertTrue(e.isEmpty(), e.toString());
    }

    @Test
    void taggerFindsNamesNoListKnows() {
        List<EntityMention> e = EXTRACTOR.extract("Environment Minister John Baird said on Monday that Paul Dewar had met "
                + "Maxime Bernier. Dewar's office confirmed it.");
        find(e, EntityTypes.PERSON, "John Baird");
        assertEquals(2, find(e, EntityTypes.PERSON, "Paul Dewar").mentions(), "the possessive surname counts too");
        find(e, EntityTypes.PERSON, "Maxime Bernier");
        assertFalse(e.stream().anyMatch(m -> m.name().startsWith("Environment")), e.toString());
    }

    @Test
    void aKnownNameWinsOverAPartOfItAndACountryInsideALongerNameCounts() {
        List<EntityMention> e = EXTRACTOR.extract("He flew to St. Louis on Monday. The United States Navy said so.");
        find(e, EntityTypes.LOCATION, "St. Louis");
        assertFalse(e.stream().anyMatch(m -> m.name().equals("Louis")), e.toString());
        find(e, EntityTypes.COUNTRY, "United States");
    }

    @Test
    void oneNameHasOneTypeByMajority() {
        List<EntityMention> e = EXTRACTOR.extract("Acme Robotics Group hired 40 engineers. Acme Robotics Group said on "
                + "Tuesday that sales rose.");
        long types = e.stream().filter(m -> m.name().equals("Acme Robotics Group")).count();
        assertEquals(1, types, e.toString());
        assertEquals(EntityTypes.ORG, find(e, EntityTypes.ORG, "Acme Robotics Group").type());
    }

    @Test
    void loneSingleCapitalisedWordsAreNotPersons() {
        List<EntityMention> e = EXTRACTOR.extract("Know what? Tell them the plan worked.");
        assertTrue(e.isEmpty(), e.toString());
    }

    @Test
    void newStaysAtTheStartOfATaggedName() {
        List<EntityMention> e = EXTRACTOR.extract("Officials in New Taipei City said so.");
        find(e, EntityTypes.LOCATION, "New Taipei City");
        assertFalse(e.stream().anyMatch(m -> m.name().equals("Taipei City")), e.toString());
    }

    @Test
    void noRuleRunStartsInsideAKnownName() {
        // "New York City" is an alias of the known "New York": its tail is no name of its own
        List<EntityMention> e = EXTRACTOR.extract("He lives in New York City now.");
        find(e, EntityTypes.LOCATION, "New York");
        assertFalse(e.stream().anyMatch(m -> m.name().equals("York City")), e.toString());
    }

    @Test
    void aKnownPlaceInsideALongerNameCounts() {
        List<EntityMention> e = EXTRACTOR.extract("She studied at the University of Connecticut in Storrs.");
        find(e, EntityTypes.ORG, "University of Connecticut");
        find(e, EntityTypes.LOCATION, "Connecticut");
    }
}
