package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;

/**
 * The elements of a tree in document order, as {@link Element#getAllElements()} lists them (the root first), walked
 * with plain sibling links: jsoup collects that list through a selector stream, which cost more than the walk itself
 * on every page.
 */
final class DocumentOrder {

    private DocumentOrder() {
    }

    /** {@code root.getAllElements()}: root and every element under it, pre-order. */
    static List<Element> elements(Element root) {
        List<Element> out = new ArrayList<>();
        Element e = root;
        while (e != null) {
            out.add(e);
            e = next(e, root);
        }
        return out;
    }

    /** The element after {@code e} in pre-order, staying under {@code root}; null after the last. */
    private static Element next(Element e, Element root) {
        Element child = e.firstElementChild();
        if (child != null) {
            return child;
        }
        for (Element at = e; at != root; at = at.parent()) {
            Element sibling = at.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }
}
