package io.newsflow.eval.sections;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GUM's entity brackets ({@code Entity=(3-organization-new-...-Identity} opens, {@code 3)} closes, {@code (...)}
 * is one token) read token by token and reported as whole mentions: the bracket's fields
 * (GRP-etype-infstat-salience-centering-minspan-link-identity) and the first and last token index.
 */
public final class GumBrackets {

    /** Receives each mention when its bracket closes. */
    public interface MentionSink {
        void mention(String[] fields, int first, int last);
    }

    public static final int TYPE_FIELD = 1;
    public static final int IDENTITY_FIELD = 7;
    private static final int FIELDS = 8;
    private static final Pattern ENTITY_PART = Pattern.compile("\\(([^()]+)(\\))?|(\\d+)\\)");

    private final Map<String, Deque<Integer>> open = new HashMap<>();
    private final Map<String, String[]> fieldsAt = new HashMap<>();
    private final MentionSink sink;

    public GumBrackets(MentionSink sink) {
        this.sink = sink;
    }

    /** Reads the MISC column of the token at this index. */
    public void token(String miscColumn, int index) {
        String entity = misc(miscColumn, "Entity");
        if (entity == null) {
            return;
        }
        Matcher m = ENTITY_PART.matcher(entity);
        while (m.find()) {
            if (m.group(1) != null) {
                String[] f = m.group(1).split("-", FIELDS);
                if (m.group(2) != null) {
                    sink.mention(f, index, index);
                } else {
                    open.computeIfAbsent(f[0], k -> new ArrayDeque<>()).push(index);
                    fieldsAt.put(f[0] + "@" + index, f);
                }
            } else {
                Deque<Integer> starts = open.get(m.group(3));
                if (starts != null && !starts.isEmpty()) {
                    int start = starts.pop();
                    sink.mention(fieldsAt.get(m.group(3) + "@" + start), start, index);
                }
            }
        }
    }

    /** The value of one key of a CoNLL-U MISC column ("Entity=...|SpaceAfter=No"), or null. */
    public static String misc(String miscColumn, String key) {
        for (String part : miscColumn.split("\\|")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }
}
