package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The elements of a tree in document order, as {@link Element#getAllElements()} lists them (the root first), walked
 * by child index: jsoup collects that list through a selector stream, which cost more than the walk itself on every
 * page, and its sibling links read the parent's child list again for every step.
 */
final class DocumentOrder {

    private static final int INITIAL_DEPTH = 64;

    private DocumentOrder() {
    }

    /** {@code root.getAllElements()}: root and every element under it, pre-order. */
    static List<Element> elements(Element root) {
        List<Element> out = new ArrayList<>();
        Element[] path = new Element[INITIAL_DEPTH];
        int[] nextChild = new int[INITIAL_DEPTH];
        int top = 0;
        path[0] = root;
        out.add(root);
        while (top >= 0) {
            Element parent = path[top];
            int i = nextChild[top];
            if (i >= parent.childNodeSize()) {
                top--;
                continue;
            }
            nextChild[top] = i + 1;
            Node child = parent.childNode(i);
            if (child instanceof Element e) {
                out.add(e);
                top++;
                if (top == path.length) {
                    path = Arrays.copyOf(path, top * 2);
                    nextChild = Arrays.copyOf(nextChild, top * 2);
                }
                path[top] = e;
                nextChild[top] = 0;
            }
        }
        return out;
    }
}
