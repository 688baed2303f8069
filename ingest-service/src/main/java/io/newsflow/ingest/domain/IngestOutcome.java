package io.newsflow.ingest.domain;

import java.util.Objects;

import io.newsflow.contracts.IngestedArticle;

/** Result of ingesting one record or envelope: either an article to publish or a rejection to report. */
public sealed interface IngestOutcome {

    record Accepted(IngestedArticle article) implements IngestOutcome {
        public Accepted {
            Objects.requireNonNull(article, "article");
        }
    }

    record Rejected(Rejection rejection) implements IngestOutcome {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static IngestOutcome accepted(IngestedArticle article) {
        return new Accepted(article);
    }

    static IngestOutcome rejected(Rejection rejection) {
        return new Rejected(rejection);
    }
}
