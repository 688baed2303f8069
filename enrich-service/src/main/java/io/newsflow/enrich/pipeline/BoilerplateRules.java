package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Line patterns that mark boilerplate, as data. Format, one rule a line: {@code name = regex}; blank lines
 * and lines starting with {@code #} are ignored. A regex must match the whole (trimmed, space-normalised)
 * line; matching is case-insensitive unless the regex turns it off with {@code (?-i)}.
 * <p>
 * A rule may name words the line must contain for the rule to be worth trying: {@code name [needs: ©|copyright] =
 * regex}. The words are checked (lower case, plain substring) before the regex runs; they must be text that every
 * match contains, so that the guard only saves time and never changes the result. Rules that start with an
 * unanchored {@code .{0,N}} otherwise try their core at every one of N positions of every line.
 */
public final class BoilerplateRules {

    /** @param needs lower-case words one of which a line must contain before the regex is tried; empty: none */
    public record Rule(String name, Pattern pattern, List<String> needs) {

        public Rule(String name, Pattern pattern) {
            this(name, pattern, List.of());
        }

        public Rule {
            needs = List.copyOf(needs);
        }

        /** @param lowerLine the line in lower case (root locale), for the guard */
        boolean matches(String line, String lowerLine) {
            return worthTrying(lowerLine) && pattern.matcher(line).matches();
        }

        /** The guard: whether the line contains one of the needed words (always, when none are named). */
        boolean worthTrying(String lowerLine) {
            if (needs.isEmpty()) {
                return true;
            }
            for (String word : needs) {
                if (lowerLine.contains(word)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String SEPARATOR = " = ";
    private static final Pattern NAME_WITH_NEEDS = Pattern.compile("(\\S+)\\s*\\[needs:\\s*([^\\]]+)]");
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
            List<String> needs = List.of();
            var withNeeds = NAME_WITH_NEEDS.matcher(name);
            if (withNeeds.matches()) {
                name = withNeeds.group(1);
                needs = Arrays.stream(withNeeds.group(2).split("\\|")).map(w -> w.toLowerCase(Locale.ROOT))
                        .filter(w -> !w.isEmpty()).toList();
            } else if (name.contains("[")) {
                throw new IllegalArgumentException("boilerplate rule line " + lineNo + " has a bad [needs: a|b] guard: " + line);
            }
            String regex = line.substring(sep + SEPARATOR.length()).strip();
            try {
                rules.add(new Rule(name, Pattern.compile(regex, FLAGS), needs));
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
        String lower = line.toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (rule.matches(line, lower)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** True when some rule matches the line (the filter's many lines go through a {@link LineMatcher} instead). */
    public boolean matchesAny(String line) {
        return match(line).isPresent();
    }

    /** A {@link LineMatcher} for one caller's run of lines. */
    public LineMatcher lineMatcher() {
        return new LineMatcher();
    }

    /**
     * {@link #matchesAny} for many lines in a row: each rule's matcher is made once and reset per line (a new matcher
     * per rule and line cost more than the match on most lines). Not thread-safe: one per caller and run of lines.
     */
    public final class LineMatcher {

        private final Matcher[] matchers = new Matcher[rules.size()];

        private LineMatcher() {
        }

        /** {@link BoilerplateRules#matchesAny(String)}. */
        public boolean matchesAny(String line) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (int i = 0; i < matchers.length; i++) {
                Rule rule = rules.get(i);
                if (!rule.worthTrying(lower)) {
                    continue;
                }
                Matcher m = matchers[i];
                if (m == null) {
                    m = rule.pattern().matcher(line);
                    matchers[i] = m;
                } else {
                    m.reset(line);
                }
                if (m.matches()) {
                    return true;
                }
            }
            return false;
        }
    }

    public List<Rule> rules() {
        return rules;
    }
}
