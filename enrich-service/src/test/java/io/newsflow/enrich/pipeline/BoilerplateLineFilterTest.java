package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.newsflow.enrich.support.TestPipelines;

class BoilerplateLineFilterTest {

    private static final BoilerplateRules RULES = BoilerplateRules.fromResource("boilerplate-rules.txt");

    @ParameterizedTest
    @ValueSource(strings = {"36.2 C", "-3 °F", "| 2011", "a", "Also Read: China summons Japanese ambassador in Taiwan row",
            "Read more: the full story", "Most Popular Articles", "Trending now", "Skip to main content",
            "Copyright © 2019 - 2024 Army Recognition | Webdesign by Zzam", "© 2024 Example Media", "All rights reserved.",
            "Subscribe now to stay updated and gain exclusive access to expert features!", "Join our community today!",
            "Discover the power of advanced AI with the new Military Equipment Guide App (MEGA) by IDDEA. Instantly recognize.",
            "Download our free app for the latest news", "No comments:", "Post a Comment", "Leave a reply",
            "Share this article", "Facebook Twitter Email", "Share on WhatsApp", "Advertisement", "- Anzeige -", "— Advertisement —",
            "Defense News - Japan", "Home » World » Asia", "Japanese Defense Minister Toshimi Kitazawa on the left.",
            "Photo: Reuters", "Follow us on Twitter", "Lesen Sie auch: Ein anderer Artikel",
            "Ähnliche Beiträge", "Auch interessant:", "Mehr zum Thema", "Mehr zum Thema auf UEPO.de", "Explore further",
            "Articles les plus lus", "Das Thema könnte dich auch interessieren:", "War der Artikel nützlich?",
            "Möchten Sie den Artikel teilen?", "drukuj", "Rezept drucken Bei Pinterest speichern",
            "Crédits photos : Bestimage", "(Credit: Clayton Aldern / Grist)", "Kommentare insgesamt: 0",
            "Never miss the latest news by signing up to our newsletter today!", "Sie sind aktuell nicht eingeloggt.",
            "Weitere Informationen:", "Kontakt", "Zum Weiterlesen", "Lesen Sie auch die folgenden Beiträge:", "Inhaltsverzeichnis",
            "Über den Autor", "Veja Também:", "Quellen ausblenden", "Themen: Ehrenamt Jugendverbände", "Kategorie: News, open3",
            "Tags:", "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.",
            "Siguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas nuestras actualizaciones",
            "(Noch keine Bewertungen)", "(Alle Angaben ohne Gewähr)", "Quelle: Landesregierung",
            "Stand: 05. Februar 2020", "Aktualisiert am 17.01.2021.", "Publiziert: 03.04.2020, 12:35",
            "Veröffentlichung: 2. Februar 2022", "Updated: 18 Nov 2019, 19:11"})
    void dropsBoilerplate(String line) {
        assertTrue(RULES.match(line).isPresent(), "not recognised as boilerplate: " + line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Taiwan's government says it wants peace, but will defend itself if needed.",
            "Tripartite Alliance", "US-Japan, draw up joint operation plan for any Taiwan emergency",
            "Copyright holders argue that the new law goes too far, the court heard.",
            "The company violated copyright by copying the code, the judge said.",
            "Voters must register today to take part in the election.",
            "Get ready for a long winter, the weather service warned on Monday.",
            "Apple's app store faces new rules in Japan.", "Related talks were held in Tokyo last week.",
            "With reporting from The Associated Press.", "Share prices fell sharply on Tuesday.",
            "Monday, April 22, 2024", "WASHINGTON - The United States and Japan agreed on Thursday.",
            "Related topics came up at the summit, officials said.", "Mehr zum Thema Klimaschutz gibt es im Bericht.",
            "The credit (about $2,000) goes to families with children.", "Explore further options, the minister urged.",
            "Readers who subscribe to our newsletter saw the story first, the editor said on Monday in a long interview"
            + " about the paper's future plans and its new owners.",
            "Weitere Informationen gibt es beim Bürgeramt der Stadt.", "Kontakt zu den Entführern gab es nicht.",
            "Themen: Die Wahl, der Haushalt und die Schulen. Der Rat tagt am Montag.",
            "Millions follow her on Instagram, where she posts daily.", "Follow him on Twitter, the coach told reporters.",
            "Quellen zufolge soll der Vertrag bald unterschrieben werden.",
            "Stand der Dinge: Die Verhandlungen laufen seit dem 5. Februar 2020.",
            "Updated figures show 12 new cases since Monday.", "- Anzeige wurde erstattet, sagte die Polizei.", "Keine Bewertungen wurden gefälscht, sagte der Händler."})
    void keepsBodyLines(String line) {
        assertTrue(RULES.match(line).isEmpty(), "wrongly taken for boilerplate: " + line + " by " + RULES.match(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
            "Beitragsbild: Stefan Mang", "Beitragsbild:", "Bild © ARD", "Foto © Peter Steiger",
            "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO",
            "Lee Elder war beim Masters 1975 der Zuschauermagnet. | © Augusta National/Getty Images",
            "Getty Images", "Reuters", "iStock/cjp", "aja/PAP", "dpa/lno", "(AFP)",
            "Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php on line 407",
            "If you enjoyed reading this post – would you consider supporting our work? Just click here. Thanks!",
            "Aufrufe: 1120 | Hinzugefügt von: Posh | Tags: Denken, Bilder | Rating: 0.0/0",
            "News date : 04/21/2022 Category : Press Releases", "Release Date:",
            "Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter debianforum, Linux. Kommentare sind nicht erlaubt.",
            "Kommentarfeed | Kommentare geschlossen | Trackback-URL",
            "SUGGESTED CITATION Sauer, Heiko: Expert*innen in der Krise, VerfBlog, 2020/4/09, https://verfassungsblog.de/x/.",
            "Bitte registrieren Sie sich und halten Sie sich an unsere Netiquette.", "Der Artikel wurde erfolgreich hinzugefügt.",
            "Item added to your cart", "Abbildung: Vergleich auf dem Aletschgletscher.", "Figure 2: Changing Font Size of All Text Elements.",
            "Vergrößern Eine kleine runde Aussparung für die Facetime-Kamera im Display des iPhones 14."})
    void dropsChromeFoundOnTrafilaturaPagesInSessionEight(String line) {
        assertTrue(RULES.match(line).isPresent(), "not recognised as boilerplate: " + line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"At 3:59 PM the storm reached the coast.", "Monday, April 22, 2024", "15. Mai 2019, 05:28 Uhr", "3:59 PM",
            "Apple said users could download the app on iOS and Android from Monday.",
            "Reuters reported on Monday that talks had stalled.", "The warning came on line 3 of the statement.",
            "If you enjoyed the show, tell your friends, the singer said.", "Zitierweise im Fließtext",
            "Vergrößern Sie die Ansicht mit einem Doppelklick.", "The figure: 40 percent of voters stayed home.",
            "The lawsuit was filed under seal on Monday.", "Die Netiquette der Foren wurde 2019 überarbeitet, sagte die Sprecherin"
            + " in einem langen Interview über die Regeln, die Moderation und die Zukunft der Kommentarbereiche auf der Seite.",
            "AP reporters were in the room.", "Category 5 hurricanes are rare."})
    void keepsBodyLinesLikeTheSessionEightRules(String line) {
        assertTrue(RULES.match(line).isEmpty(), "wrongly taken for boilerplate: " + line + " by " + RULES.match(line));
    }

    @Test
    void removesLinesAndEmptiedParagraphs() {
        ArticleDraft d = ArticleDraft.of("", "text/plain");
        d.text("Skip to main content\n\nFirst body line.\nAlso Read: something else\n\nMost Popular Articles");
        TestPipelines.boilerplate().apply(d);
        assertEquals("First body line.", d.text());
    }

    @Test
    void extraRulesAreAppendedAndCheckedAtLoad() {
        BoilerplateRules more = RULES.with(List.of("# comment", "promo = Buy now.*"));
        assertTrue(more.match("Buy now and save").isPresent());
        assertEquals(RULES.rules().size() + 1, more.rules().size());
        assertThrows(IllegalArgumentException.class, () -> BoilerplateRules.parse(List.of("no separator")));
        assertThrows(IllegalArgumentException.class, () -> BoilerplateRules.parse(List.of("bad = ([")));
    }

    @Test
    void needsGuardSkipsTheRegexOnLinesWithoutItsWords() {
        BoilerplateRules guarded = BoilerplateRules.parse(List.of("rights [needs: reserved|©] = .{0,40}(?:reserved|©).{0,40}"));
        BoilerplateRules.Rule rule = guarded.rules().get(0);
        assertEquals("rights", rule.name());
        assertEquals(List.of("reserved", "©"), rule.needs());
        assertTrue(guarded.matchesAny("All Rights RESERVED."), "the guard compares in lower case");
        assertTrue(guarded.matchesAny("© 2024 Example"));
        assertTrue(guarded.match("A body sentence with nothing of the sort.").isEmpty());
        // a guard only ever saves time: a wrong one would hide matches, which is why every match must contain it
        BoilerplateRules wrongGuard = BoilerplateRules.parse(List.of("promo [needs: zzz] = Buy now.*"));
        assertTrue(wrongGuard.match("Buy now and save").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> BoilerplateRules.parse(List.of("bad [needs = x")));
    }

    @Test
    void shippedGuardsAreContainedInEveryLineTheirRuleMatches() {
        // each guarded rule without its guard, on lines it must match: the guard must not hide any of them
        List<String> copyrightAndCaptions = List.of("Copyright 2021 Example Media. All rights reserved.",
                "Some text © 2020 Example Inc", "Photo of the council, Jane Doe on the left.", "The team (left) at the launch.",
                "The new bridge, pictured above.", "Example News, all rights reserved by the publisher");
        for (BoilerplateRules.Rule rule : RULES.rules()) {
            if (rule.needs().isEmpty()) {
                continue;
            }
            for (String line : copyrightAndCaptions) {
                if (rule.pattern().matcher(line).matches()) {
                    String lower = line.toLowerCase(java.util.Locale.ROOT);
                    assertTrue(rule.needs().stream().anyMatch(lower::contains), rule.name() + " guard misses: " + line);
                    assertTrue(RULES.match(line).isPresent(), line);
                }
            }
        }
    }

    @Test
    void aReusedLineMatcherAnswersAsMatchesAnyOnEveryLine() {
        // one matcher per rule, reset line after line: boilerplate and body lines mixed, repeated, in two orders
        List<String> lines = new java.util.ArrayList<>(List.of("Share this article", "Taiwan's government says it wants peace.",
                "Copyright 2021 Example Media. All rights reserved.", "", "Advertisement", "The team (left) at the launch.",
                "Updated: 18 Nov 2019, 19:11", "Updated figures show 12 new cases since Monday.", "© 2024 Example Media",
                "Kontakt", "Kontakt zu den Entführern gab es nicht.", "Follow us on Twitter", "a"));
        for (int round = 0; round < 2; round++) {
            BoilerplateRules.LineMatcher matcher = RULES.lineMatcher();
            for (String line : lines) {
                assertEquals(RULES.matchesAny(line), matcher.matchesAny(line), line);
            }
            java.util.Collections.reverse(lines);
        }
    }
}
