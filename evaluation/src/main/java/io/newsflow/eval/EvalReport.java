package io.newsflow.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Collects the evaluation's figures: table rows for people and a nested map for {@code --json}. JSON keys are dotted
 * paths ({@code "extraction.aeb.newsflow.f1"}) turned into nested objects.
 */
public final class EvalReport {

    /** A table row: section, metric, value (0..1 fractions are printed with 3 decimals), target, scored cases. */
    public record Row(String section, String metric, Object value, String target, Integer cases) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();

    public void row(String section, String metric, Object value, String target, Integer cases) {
        rows.add(new Row(section, metric, value, target, cases));
    }

    /** Sets a JSON value at a dotted path. */
    @SuppressWarnings("unchecked")
    public void put(String dottedPath, Object value) {
        String[] parts = dottedPath.split("\\.");
        Map<String, Object> node = json;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(parts[parts.length - 1], value);
    }

    public void note(String note) {
        notes.add(note);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Map<String, Object> json() {
        return json;
    }

    public void printTable(PrintStream out) {
        int w0 = "section".length();
        int w1 = "metric".length();
        for (Row r : rows) {
            w0 = Math.max(w0, r.section().length());
            w1 = Math.max(w1, r.metric().length());
        }
        String fmt = "%-" + w0 + "s  %-" + w1 + "s  %10s  %-12s  %6s%n";
        out.printf(Locale.ROOT, fmt, "section", "metric", "value", "target", "cases");
        out.println("-".repeat(w0 + w1 + 38));
        for (Row r : rows) {
            out.printf(Locale.ROOT, fmt, r.section(), r.metric(), format(r.value()), r.target() == null ? "" : r.target(),
                    r.cases() == null ? "" : r.cases().toString());
        }
        for (String n : notes) {
            out.println("note: " + n);
        }
    }

    public void writeJson(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Map<String, Object> out = new LinkedHashMap<>(json);
        if (!notes.isEmpty()) {
            out.put("notes", notes);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Float f) {
            return String.format(Locale.ROOT, "%.3f", f);
        }
        return String.valueOf(v);
    }
}
