package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The author names in a byline element's text: "By Jane Doe and John Roe", "von Limespacer · 22. Oktober 2019",
 * "Posted by admin | 3 comments". The label is dropped, the text is cut at the first separator or date, and what
 * is left must look like names (one to five words, no digits, no sentence): "By clicking ..." yields nothing.
 */
final class BylineName {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern LABEL = Pattern.compile(
            "^(?:(?:posted|written|published|geschrieben|verfasst|veröffentlicht|eingestellt|erstellt|beitrag|publié|écrit|publicado)\\s+)?"
                    + "(?:(?:by|von|vom|par|por|de|autor(?:in)?|author|auteur)\\b[:\\s]*|(?:autor(?:in)?|author|auteur)(?-i:(?=\\p{Lu})))",
            FLAGS);
    private static final Pattern FIELD_LABEL = Pattern.compile("^(?:autor(?:in)?|author|auteur|text|von|by)\\s*:\\s*", FLAGS);
    /** Where the names end: a separator, a date or time, "on"/"am" + digit, "in" + a section. */
    private static final Pattern END = Pattern.compile("\\s*(?:[|·•–—(\\[/\\n]|\\s-\\s|\\d|\\s(?:on|am|le|um|at|in|im|,\\s*(?:den|the))\\s"
            + "|\\s(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|stand|updated|aktualisiert|vor|alle artikel|all posts|staff)\\b)", FLAGS);
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|\\bund\\b|\\bet\\b|&)\\s*", FLAGS);
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}.'’_-]*(?:\\s+\\p{L}[\\p{L}.'’_-]*){0,4}", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "^(?:clicking|continuing|using|about|veröffentlicht|published|admin|administrator|redaktion|editor|staff|the|a|an|posted|share|follow|mehr|more|"
                    + "alle|all|view|see|read|lesen|kommentare|comments?|anonymous|unknown|guest|\\w*admin|januar[y]?|februar[y]?"
                    + "|märz|march|april|mai|may|juni|june|juli|july|august|september|o[ck]tober|november|de[cz]ember)\\b",
            FLAGS);
    private static final int MAX_NAME_LENGTH = 60;
    private static final int MAX_TEXT_LENGTH = 120;

    private BylineName() {
    }

    static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            return out;
        }
        String rest = FIELD_LABEL.matcher(LABEL.matcher(text.strip()).replaceFirst("")).replaceFirst("");
        var end = END.matcher(rest);
        if (end.find()) {
            rest = rest.substring(0, end.start());
        }
        for (String part : SEPARATOR.split(rest.strip())) {
            String name = part.strip().replaceAll("[\\s,:;]+$", "");
            if (!name.isEmpty() && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches()
                    && !NOT_A_NAME.matcher(name).find()) {
                out.add(name);
            }
        }
        return out;
    }
}
