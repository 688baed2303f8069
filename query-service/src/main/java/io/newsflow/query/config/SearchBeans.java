package io.newsflow.query.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.newsflow.query.domain.CursorCodec;
import io.newsflow.query.domain.SearchRequestParser;

/** Wires the plain-Java search domain objects from configuration. */
@ApplicationScoped
public class SearchBeans {

    @Produces
    @Singleton
    CursorCodec cursorCodec(QueryConfig config) {
        return new CursorCodec(config.cursor().signingKey(), config.cursor().maxLength());
    }

    @Produces
    @Singleton
    SearchRequestParser searchRequestParser(QueryConfig config, CursorCodec cursors) {
        QueryConfig.Search search = config.search();
        QueryConfig.Page page = config.page();
        return new SearchRequestParser(new SearchRequestParser.Limits(search.maxQueryLength(),
                search.maxFilterValues(), search.maxFilterValueLength(), page.defaultLimit(), page.maxLimit()),
                cursors);
    }
}
