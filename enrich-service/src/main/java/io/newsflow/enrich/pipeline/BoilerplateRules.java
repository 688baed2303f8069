package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Line patterns that mark boilerplate, as data. Format, one rule a line: {@code name = regex}; blank lines
 * and lines starting with {@code #} are ignored. A regex must match the whole (trimmed, space-normalised)
 * line; matching is case-insensitive unless the regex turns it off with {@code (?-i)}.
 */
public final class BoilerplateRules {

    public record Rule(String name, Pattern pattern) {
    }

    private static final String SEPARATOR = " = ";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private final List<Rule> rules;

    private BoilerplateRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static BoilerplateRules parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int sep = line.indexOf(SEPARATOR);
            if (sep <= 0) {
                throw new IllegalArgumentException("boilerplate rule line " + lineNo + " is not 'name = regex': " + line);
            }
            String name = line.substring(0, sep).strip();
            String regex = line.substring(sep + SEPARATOR.length()).strip();
            try {
                rules.add(new Rule(name, Pattern.compile(regex, FLAGS)));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("boilerplate rule '" + name + "' has a bad regex: " + e.getMessage(), e);
            }
        }
        return new BoilerplateRules(rules);
    }

    /** Reads rules from a class-path resource. */
    public static BoilerplateRules fromResource(String resource) {
        return parse(ClasspathLines.read(BoilerplateRules.class, resource).orElseThrow(
                () -> new IllegalArgumentException("boilerplate rules resource not found: " + resource)));
    }

    /** These rules plus {@code more}. */
    public BoilerplateRules with(List<String> more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(parse(more).rules);
        return new BoilerplateRules(all);
    }

    /** The first rule that matches the line, if any. */
    public Optional<Rule> match(String line) {
        for (Rule rule : rules) {
            if (rule.pattern().matcher(line).matches()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** True when some rule matches the line (what the filter needs: no Optional, no rule lookup). */
    public boolean matchesAny(String line) {
        for (Rule rule : rules) {
            if (rule.pattern().matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    public List<Rule> rules() {
        return rules;
    }
}
