package io.newsflow.query.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A PostgreSQL {@code tsquery} read from its text form (what {@code CAST(websearch_to_tsquery(cfg, q) AS text)}
 * returns), so that PostgreSQL stays the authority on parsing the user's query: which words are kept, their
 * lexemes, phrases, OR and negation. Operator precedence as PostgreSQL prints it: {@code !} over {@code <->}/
 * {@code <N>} over {@code &} over {@code |}, left-associative.
 */
public final class TsQuery {

    /** A node of the query tree. */
    public sealed interface Node permits Operand, Not, And, Or, Phrase {
    }

    /** A lexeme; {@code index} numbers the query's operands in text order; {@code negated} under an odd NOT. */
    public record Operand(int index, String lexeme, boolean prefix, boolean negated) implements Node {
    }

    public record Not(Node arg) implements Node {
    }

    public record And(Node left, Node right) implements Node {
    }

    public record Or(Node left, Node right) implements Node {
    }

    /** {@code left <distance> right}: right's first lexeme exactly {@code distance} positions after left's last. */
    public record Phrase(Node left, Node right, int distance) implements Node {
    }

    /** The query without words (websearch_to_tsquery of only stop words). */
    public static final TsQuery EMPTY = new TsQuery(null, List.of());

    private final Node root;
    private final List<Operand> operands;

    private TsQuery(Node root, List<Operand> operands) {
        this.root = root;
        this.operands = List.copyOf(operands);
    }

    /** The query tree, null for an empty query (only stop words, or nothing). */
    public Node root() {
        return root;
    }

    /** Every operand, in text order ({@link Operand#index()} is its place here). */
    public List<Operand> operands() {
        return operands;
    }

    /** Parses PostgreSQL's text output of a tsquery; blank text is the empty query. */
    public static TsQuery parse(String text) {
        Parser p = new Parser(text == null ? "" : text);
        p.skipSpace();
        if (p.atEnd()) {
            return new TsQuery(null, List.of());
        }
        Node root = p.or(false);
        p.skipSpace();
        if (!p.atEnd()) {
            throw p.error("unexpected text");
        }
        return new TsQuery(root, p.operands);
    }

    private static final class Parser {
        private final String s;
        private int i;
        final List<Operand> operands = new ArrayList<>();

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + i + " in tsquery: " + s);
        }

        Node or(boolean negated) {
            Node left = and(negated);
            while (peek('|')) {
                i++;
                left = new Or(left, and(negated));
            }
            return left;
        }

        Node and(boolean negated) {
            Node left = phrase(negated);
            while (peek('&')) {
                i++;
                left = new And(left, phrase(negated));
            }
            return left;
        }

        Node phrase(boolean negated) {
            Node left = unary(negated);
            while (peek('<')) {
                int close = s.indexOf('>', i);
                if (close < 0) {
                    throw error("unclosed phrase operator");
                }
                String inner = s.substring(i + 1, close).trim();
                int distance = inner.equals("-") ? 1 : Integer.parseInt(inner);
                i = close + 1;
                left = new Phrase(left, unary(negated), distance);
            }
            return left;
        }

        Node unary(boolean negated) {
            skipSpace();
            if (atEnd()) {
                throw error("operand expected");
            }
            char c = s.charAt(i);
            if (c == '!') {
                i++;
                return new Not(unary(!negated));
            }
            if (c == '(') {
                i++;
                Node inner = or(negated);
                if (!peek(')')) {
                    throw error("')' expected");
                }
                i++;
                return inner;
            }
            if (c == '\'') {
                return operand(negated);
            }
            throw error("unexpected '" + c + "'");
        }

        /** {@code 'lex''eme'} with an optional {@code :*} (prefix) and weights, which are ignored. */
        Operand operand(boolean negated) {
            StringBuilder lexeme = new StringBuilder();
            i++;
            while (true) {
                if (atEnd()) {
                    throw error("unclosed lexeme");
                }
                char c = s.charAt(i++);
                if (c == '\\' && !atEnd()) {
                    lexeme.append(s.charAt(i++));
                } else if (c == '\'') {
                    if (!atEnd() && s.charAt(i) == '\'') {
                        lexeme.append('\'');
                        i++;
                    } else {
                        break;
                    }
                } else {
                    lexeme.append(c);
                }
            }
            boolean prefix = false;
            if (!atEnd() && s.charAt(i) == ':') {
                i++;
                while (!atEnd() && "*ABCDabcd".indexOf(s.charAt(i)) >= 0) {
                    prefix |= s.charAt(i) == '*';
                    i++;
                }
            }
            Operand o = new Operand(operands.size(), lexeme.toString(), prefix, negated);
            operands.add(o);
            return o;
        }

        boolean peek(char c) {
            skipSpace();
            return i < s.length() && s.charAt(i) == c;
        }
    }

    /** Positions (ascending) where a phrase part ends, and how many positions before that it starts. */
    record Positions(int[] ends, int width) {
        static final Positions NONE = new Positions(new int[0], 0);

        boolean any() {
            return ends.length > 0;
        }
    }

    /**
     * What the query sees of a run of words: for each operand, the lexeme positions at which it occurs.
     * Implemented by the headline's word list.
     */
    interface Occurrences {
        /** True when operand {@code index} occurs. */
        boolean has(int index);

        /** Ascending, distinct positions of operand {@code index}; empty when absent. */
        int[] positionsOf(int index);
    }

    /** True when the query is satisfied by {@code occ} (PostgreSQL's TS_execute with positions). */
    static boolean matches(Node node, Occurrences occ) {
        if (node instanceof Operand o) {
            return occ.has(o.index());
        } else if (node instanceof Not n) {
            return !matches(n.arg(), occ);
        } else if (node instanceof And a) {
            return matches(a.left(), occ) && matches(a.right(), occ);
        } else if (node instanceof Or o) {
            return matches(o.left(), occ) || matches(o.right(), occ);
        }
        return phrase(node, occ).any();
    }

    /** Where a phrase (or an operand within one) matches: end positions and width. */
    static Positions phrase(Node node, Occurrences occ) {
        if (node instanceof Operand o) {
            return new Positions(occ.positionsOf(o.index()), 0);
        } else if (node instanceof Phrase p) {
            Positions left = phrase(p.left(), occ);
            Positions right = phrase(p.right(), occ);
            // right's start (its end minus its width) must lie exactly distance positions after left's end
            int offset = p.distance() + right.width();
            int[] ends = Arrays.stream(right.ends()).filter(r -> Arrays.binarySearch(left.ends(), r - offset) >= 0)
                    .toArray();
            return new Positions(ends, left.width() + p.distance() + right.width());
        } else if (node instanceof Or o) {
            Positions l = phrase(o.left(), occ);
            Positions r = phrase(o.right(), occ);
            return new Positions(union(l.ends(), r.ends()), Math.max(l.width(), r.width()));
        } else if (node instanceof And a) {
            Positions l = phrase(a.left(), occ);
            Positions r = phrase(a.right(), occ);
            return l.any() && r.any() ? new Positions(union(l.ends(), r.ends()), Math.max(l.width(), r.width()))
                    : Positions.NONE;
        }
        // A NOT inside a phrase: websearch_to_tsquery never writes one.
        return Positions.NONE;
    }

    private static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).sorted().distinct().toArray();
    }
}
