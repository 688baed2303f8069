package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.FieldSources;
import io.newsflow.enrich.support.Seeds;
import io.newsflow.enrich.support.TestPipelines;

/** The language stage's cheap path: a clear function-word vote decides, anything unclear goes to Lingua. */
class StopwordLanguageVoteTest {

    private static final List<String> CANDIDATES = List.of("en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "tr",
            "ar", "zh", "ja");
    private static final StopwordLanguageVote VOTE = StopwordLanguageVote.forCandidates(CANDIDATES);

    /** News paragraphs of article length in the Latin-script candidate languages. */
    private static final List<List<String>> NEWS = List.of(
            List.of("en", "The government said on Monday that it would raise spending on schools and hospitals after a year "
                    + "in which the economy grew faster than expected. The finance minister told reporters that the plan "
                    + "had been agreed with the coalition partners and that it was paid for by higher taxes on the "
                    + "largest companies, which have seen their profits rise. Opposition leaders called it a gamble."),
            List.of("de", "Die Bundesregierung hat am Montag angekündigt, dass sie die Ausgaben für Schulen und "
                    + "Krankenhäuser erhöhen wird, nachdem die Wirtschaft in diesem Jahr schneller gewachsen ist als "
                    + "erwartet. Der Finanzminister sagte, der Plan sei mit den Koalitionspartnern abgestimmt und werde "
                    + "durch höhere Steuern auf die größten Unternehmen finanziert. Die Opposition sprach von einem Risiko."),
            List.of("fr", "Le gouvernement a annoncé lundi qu'il allait augmenter les dépenses pour les écoles et les "
                    + "hôpitaux, après une année où l'économie a progressé plus vite que prévu. Le ministre des finances a "
                    + "déclaré que le plan avait été négocié avec les partenaires de la coalition et qu'il serait financé "
                    + "par des impôts plus élevés sur les grandes entreprises. L'opposition parle d'un pari risqué."),
            List.of("es", "El gobierno anunció el lunes que aumentará el gasto en escuelas y hospitales después de un año en "
                    + "el que la economía creció más de lo esperado. El ministro de finanzas dijo a los periodistas que el "
                    + "plan fue acordado con los socios de la coalición y que se pagará con impuestos más altos para las "
                    + "grandes empresas, que han visto crecer sus beneficios. La oposición lo calificó de apuesta."),
            List.of("it", "Il governo ha annunciato lunedì che aumenterà la spesa per le scuole e gli ospedali dopo un anno "
                    + "in cui l'economia è cresciuta più del previsto. Il ministro delle finanze ha detto ai giornalisti che "
                    + "il piano è stato concordato con i partner della coalizione e che sarà finanziato con tasse più alte "
                    + "sulle grandi aziende, che hanno visto crescere i loro profitti. L'opposizione parla di un azzardo."),
            List.of("pt", "O governo anunciou na segunda-feira que vai aumentar os gastos com escolas e hospitais depois de "
                    + "um ano em que a economia cresceu mais do que o esperado. O ministro das finanças disse aos "
                    + "jornalistas que o plano foi acordado com os parceiros da coligação e que será pago com impostos mais "
                    + "altos sobre as grandes empresas, que viram os seus lucros subir. A oposição falou de uma aposta."),
            List.of("nl", "De regering heeft maandag aangekondigd dat zij de uitgaven voor scholen en ziekenhuizen zal "
                    + "verhogen, na een jaar waarin de economie sneller is gegroeid dan verwacht. De minister van "
                    + "financiën zei dat het plan met de coalitiepartners is afgesproken en dat het wordt betaald door "
                    + "hogere belastingen voor de grootste bedrijven, die hun winst zagen stijgen. De oppositie is kritisch."),
            List.of("pl", "Rząd ogłosił w poniedziałek, że zwiększy wydatki na szkoły i szpitale po roku, w którym gospodarka "
                    + "rosła szybciej, niż się spodziewano. Minister finansów powiedział dziennikarzom, że plan został "
                    + "uzgodniony z partnerami koalicyjnymi i że zostanie sfinansowany z wyższych podatków dla "
                    + "największych firm, których zyski wzrosły. Opozycja nazwała to ryzykiem, ale nie przedstawiła planu."),
            List.of("tr", "Hükümet pazartesi günü yaptığı açıklamada, ekonominin beklenenden daha hızlı büyüdüğü bir yılın "
                    + "ardından okullar ve hastaneler için harcamaları artıracağını duyurdu. Maliye bakanı, planın koalisyon "
                    + "ortaklarıyla birlikte hazırlandığını ve en büyük şirketlere daha yüksek vergi ile finanse edileceğini "
                    + "söyledi. Muhalefet ise bu planın çok riskli olduğunu ve daha fazla bilgi verilmesi gerektiğini "
                    + "belirtti. Bu karar için bir oylama da yapılacak, ancak tarih henüz belli değil ve çok tartışma var."));

    @Test
    void decidesClearNewsTextInEachLatinScriptCandidate() {
        for (List<String> item : NEWS) {
            Optional<StopwordLanguageVote.Result> r = VOTE.decide(item.get(1));
            assertTrue(r.isPresent(), item.get(0) + " should be decided by the vote");
            assertEquals(item.get(0), r.get().iso());
            assertTrue(r.get().confidence() > 0.5 && r.get().confidence() <= 1.0, item.get(0) + " " + r.get().confidence());
        }
    }

    @Test
    void agreesWithLinguaOnTheSameTexts() {
        LanguageDetector linguaOnly = TestPipelines.linguaOnly();
        for (List<String> item : NEWS) {
            ArticleDraft d = ArticleDraft.of("", "text/plain");
            d.text(item.get(1));
            linguaOnly.apply(d);
            assertEquals(d.language(), VOTE.decide(item.get(1)).orElseThrow().iso(), item.get(0));
        }
    }

    @Test
    void leavesOtherScriptsShortTextsAndOtherLanguagesToLingua() {
        assertTrue(VOTE.decide("Правительство в понедельник объявило, что увеличит расходы на школы и больницы после "
                + "года, в котором экономика росла быстрее, чем ожидалось, и что план согласован с партнёрами.").isEmpty());
        assertTrue(VOTE.decide("政府は月曜日、学校と病院への支出を増やすと発表した。経済は予想より速く成長した。").isEmpty());
        assertTrue(VOTE.decide("The minister said it was good.").isEmpty(), "too few function words");
        // Swedish is not a candidate: its few shared short words must not make it Dutch or Spanish
        assertTrue(VOTE.decide("Regeringen meddelade på måndagen att den kommer att öka utgifterna för skolor och sjukhus "
                + "efter ett år då ekonomin växte snabbare än väntat. Finansministern sa att planen har förhandlats fram "
                + "med koalitionens partier och att den ska betalas med högre skatter för de största företagen.").isEmpty());
        // a list of names and numbers has no function words to vote with
        assertTrue(VOTE.decide("Manchester United 2 Liverpool 1, Arsenal 3 Chelsea 0, Everton 1 Fulham 1, Leeds 0 "
                + "Brighton 2, Wolves 2 Burnley 2, Newcastle 4 Watford 1, Southampton 1 Norwich 0").isEmpty());
    }

    @Test
    void onlyConfiguredCandidatesVote() {
        StopwordLanguageVote enDe = StopwordLanguageVote.forCandidates(List.of("en", "de"));
        assertEquals(List.of("en", "de"), enDe.languages());
        assertTrue(enDe.decide(NEWS.get(2).get(1)).isEmpty(), "French is no candidate: the vote must not pick en or de");
        assertTrue(StopwordLanguageVote.forCandidates(List.of("en")).decide(NEWS.get(0).get(1)).isEmpty(),
                "one candidate: nothing to choose");
    }

    @Test
    void detectorUsesTheVoteAndKeepsUndForShortText() {
        LanguageDetector fast = new LanguageDetector(CANDIDATES, false, true, 20, 0.05, 1000, true);
        for (List<String> item : NEWS) {
            ArticleDraft d = ArticleDraft.of("", "text/plain");
            d.text(item.get(1));
            fast.apply(d);
            assertEquals(item.get(0), d.language());
            assertEquals(FieldSources.DETECTED, d.provenance().get("language"));
            assertEquals(Optional.of(item.get(0)), fast.votedLanguage(item.get(1)));
        }
        ArticleDraft shortText = ArticleDraft.of("", "text/plain");
        shortText.text("Hello there");
        fast.apply(shortText);
        assertEquals(LanguageDetector.UNDETERMINED, shortText.language());
        ArticleDraft envelope = ArticleDraft.builder().content("x").language("de-AT").build();
        envelope.text(NEWS.get(1).get(1));
        fast.apply(envelope);
        assertEquals("de", envelope.language());
        assertEquals(FieldSources.ENVELOPE, envelope.provenance().get("language"));
        assertTrue(envelope.languageConfidence() > 0.5);
        ArticleDraft wrongEnvelope = ArticleDraft.builder().content("x").language("fr").build();
        wrongEnvelope.text(NEWS.get(1).get(1));
        fast.apply(wrongEnvelope);
        assertEquals("fr", wrongEnvelope.language());
        assertEquals(0.0, wrongEnvelope.languageConfidence());
    }

    @Test
    void seedsAreDecidedByTheVoteAsLinguaDecides() {
        LanguageDetector fast = new LanguageDetector(CANDIDATES, false, true, 20, 0.05, 1000, true);
        for (String name : Seeds.names()) {
            if (name.startsWith("(")) {
                return; // seed data absent
            }
            ArticleDraft viaPipeline = ArticleDraft.of(Seeds.text(name), "text/plain");
            TestPipelines.standard(java.time.Clock.systemUTC()).run(viaPipeline);
            ArticleDraft lingua = ArticleDraft.of("", "text/plain");
            lingua.text(viaPipeline.text());
            TestPipelines.linguaOnly().apply(lingua);
            assertEquals(Optional.of(lingua.language()), fast.votedLanguage(viaPipeline.text()), name);
        }
    }
}
