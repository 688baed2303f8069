package io.newsflow.eval;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import net.dankito.readability4j.Readability4J;

/** The extractors we compare against, run on the same pages (evaluation only). */
public final class Peers {

    private Peers() {
    }

    /** Readability4J's article text, "" when it finds nothing or fails. */
    public static String readability4j(String html, String url) {
        try {
            var article = new Readability4J(url == null ? "http://example.invalid/" : url, html).parse();
            String text = article.getTextContent();
            return text == null ? "" : text;
        } catch (RuntimeException | StackOverflowError e) {
            return "";
        }
    }

    /** boilerpipe's ArticleExtractor text, "" when it fails. */
    public static String boilerpipe(String html) {
        try {
            String text = ArticleExtractor.INSTANCE.getText(html);
            return text == null ? "" : text;
        } catch (Exception | StackOverflowError e) {
            return "";
        }
    }
}
