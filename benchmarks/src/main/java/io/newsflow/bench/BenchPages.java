package io.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.eval.DataFiles;

/** The real pages the benchmarks run on, read in place from the shared data folder (never copied). */
final class BenchPages {

    /** One input: its content, content type and URL (null for the plain-text seeds). */
    record Page(String content, String contentType, String url) {
        ArticleDraft draft() {
            return ArticleDraft.builder().content(content).contentType(contentType).url(url).build();
        }
    }

    private BenchPages() {
    }

    static Path dataRoot() {
        return Path.of(System.getProperty("newsflow.shared.data", "../shared/data"));
    }

    /** The plain-text seeds (2.7-5.1 KB each). */
    static List<Page> seeds() {
        Path dir = dataRoot().resolve("seeds");
        try (Stream<Path> files = Files.list(dir)) {
            List<Page> pages = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                pages.add(new Page(Files.readString(f, StandardCharsets.UTF_8), "text/plain", null));
            }
            return requireSome(pages, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article-extraction-benchmark pages (news sites, 115 pages), in ground-truth order. */
    static List<Page> aebPages() {
        Path dir = dataRoot().resolve("article-extraction-benchmark");
        try {
            JsonNode truth = DataFiles.json(dir.resolve("ground-truth.json"));
            List<Page> pages = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> item = it.next();
                Path page = DataFiles.find(item.getKey() + ".html", dir.resolve("html"));
                if (page != null) {
                    pages.add(new Page(DataFiles.page(page), "text/html", item.getValue().path("url").asText(null)));
                }
            }
            return requireSome(pages, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Page> requireSome(List<Page> pages, Path dir) {
        if (pages.isEmpty()) {
            throw new IllegalStateException("no pages in " + dir + " (set -Dnewsflow.shared.data=DIR)");
        }
        return List.copyOf(pages);
    }
}
