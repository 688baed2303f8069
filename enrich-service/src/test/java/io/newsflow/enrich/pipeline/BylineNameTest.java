package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class BylineNameTest {

    @Test
    void namesFromBylineTexts() {
        assertEquals(List.of("Jane Doe", "John Roe"), BylineName.names("By Jane Doe and John Roe"));
        assertEquals(List.of("Limespacer"), BylineName.names("von Limespacer · 22. Oktober 2019"));
        assertEquals(List.of("Andreas Kalt"), BylineName.names("AuthorAndreas Kalt"));
        assertEquals(List.of("HansG"), BylineName.names("Veröffentlicht von HansG"));
        assertEquals(List.of("Heiko Sauer"), BylineName.names("Heiko Sauer Do 12.03.2020"));
        assertEquals(List.of("Lars Fischer", "Alina Schadwinkel"), BylineName.names("Lars Fischer und Alina Schadwinkel"));
        assertEquals(List.of("Juan Carlos Muñoz C."), BylineName.names("Por Juan Carlos Muñoz C."));
    }

    @Test
    void noJunk() {
        assertEquals(List.of(), BylineName.names("By clicking Accept you agree to our cookie policy"));
        assertEquals(List.of(), BylineName.names("About the Author"));
        assertEquals(List.of(), BylineName.names("Posted by admin"));
        assertEquals(List.of(), BylineName.names("Dezember 2019"));
        assertEquals(List.of(), BylineName.names("This is a long sentence that happens to sit in an element with an author class but "
                + "is plainly not a byline at all, it is a biography or a teaser."));
    }
}
