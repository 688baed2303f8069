package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.FieldSources;
import io.newsflow.enrich.support.TestPipelines;

class LanguageDetectorTest {

    private static ArticleDraft detect(String text, String envelopeLanguage) {
        ArticleDraft d = ArticleDraft.builder().content(text).language(envelopeLanguage).build();
        d.text(text);
        TestPipelines.language().apply(d);
        return d;
    }

    @Test
    void detectsCommonNewsLanguages() {
        assertEquals("en", detect("The government announced on Monday that the new budget would include more "
                + "money for schools and hospitals across the country.", null).language());
        assertEquals("de", detect("Die Bundesregierung hat am Montag angekündigt, dass der neue Haushalt mehr Geld "
                + "für Schulen und Krankenhäuser im ganzen Land vorsieht.", null).language());
        assertEquals("fr", detect("Le gouvernement a annoncé lundi que le nouveau budget prévoirait davantage "
                + "d'argent pour les écoles et les hôpitaux dans tout le pays.", null).language());
        ArticleDraft es = detect("El gobierno anunció el lunes que el nuevo presupuesto incluirá más dinero para "
                + "escuelas y hospitales en todo el país.", null);
        assertEquals("es", es.language());
        assertTrue(es.languageConfidence() > 0.2 && es.languageConfidence() <= 1.0, "confidence " + es.languageConfidence());
        assertEquals(FieldSources.DETECTED, es.provenance().get("language"));
    }

    @Test
    void shortTextIsUndetermined() {
        ArticleDraft d = detect("Hello there", null);
        assertEquals(LanguageDetector.UNDETERMINED, d.language());
        assertNull(d.languageConfidence());
    }

    @Test
    void envelopeLanguageWinsButConfidenceIsReported() {
        ArticleDraft d = detect("The government announced on Monday that the new budget would include more money "
                + "for schools and hospitals across the country.", "en-GB");
        assertEquals("en", d.language());
        assertEquals(FieldSources.ENVELOPE, d.provenance().get("language"));
        assertTrue(d.languageConfidence() > 0.2);
        ArticleDraft other = detect("Short", "fr");
        assertEquals("fr", other.language());
        assertNull(other.languageConfidence());
    }

    @Test
    void highAccuracyModeForShortTexts() {
        LanguageDetector high = new LanguageDetector(java.util.List.of("en", "de"), false, false, 20, 0.05, 3000);
        ArticleDraft d = ArticleDraft.of("", null);
        d.text("Die Regierung hat am Montag entschieden.");
        high.apply(d);
        assertEquals("de", d.language());
    }

    @Test
    void primarySubtag() {
        assertEquals("pt", LanguageDetector.primarySubtag("pt_BR"));
        assertNull(LanguageDetector.primarySubtag(" "));
    }
}
