package io.newsflow.eval.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * ECB+ documents with their text rebuilt from the tokens (sentence 0 of the {@code ecbplus} files is the source URL
 * and is left out) and their gold story: topic + sub-topic ({@code ecb} or {@code ecbplus}).
 */
public final class EcbPlusCorpus {

    public record Document(String name, String story, String text) {
    }

    private static final Pattern FILE = Pattern.compile("(\\d+)_(\\d+)(ecbplus|ecb)\\.xml");
    private static final Pattern NO_SPACE_BEFORE = Pattern.compile("[.,;:!?%)\\]}]|'s|n't|'re|'ll|'ve|'d|'m");
    private static final Pattern NO_SPACE_AFTER = Pattern.compile("[(\\[{$]");

    private EcbPlusCorpus() {
    }

    public static List<Document> read(Path root) throws IOException, XMLStreamException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root.resolve("ECB+"))) {
            files = s.filter(f -> FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        List<Document> docs = new ArrayList<>();
        for (Path f : files) {
            Matcher m = FILE.matcher(f.getFileName().toString());
            m.matches();
            boolean plus = m.group(3).equals("ecbplus");
            docs.add(new Document(f.getFileName().toString(), m.group(1) + "-" + m.group(3), text(f, plus)));
        }
        return docs;
    }

    private static String text(Path file, boolean skipUrlSentence) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        StringBuilder out = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            String sentence = null;
            boolean noSpace = true;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("token")) {
                    String s = r.getAttributeValue(null, "sentence");
                    String token = r.getElementText().strip();
                    if (skipUrlSentence && "0".equals(s) || token.isEmpty()) {
                        continue;
                    }
                    if (!s.equals(sentence)) {
                        if (sentence != null) {
                            out.append('\n');
                        }
                        sentence = s;
                        noSpace = true;
                    }
                    if (!noSpace && !NO_SPACE_BEFORE.matcher(token).matches()) {
                        out.append(' ');
                    }
                    out.append(token);
                    noSpace = NO_SPACE_AFTER.matcher(token).matches();
                }
            }
            r.close();
        }
        return out.toString();
    }
}
