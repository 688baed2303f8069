-- Text-search configurations that occur among the stored rows. A query without a language filter is matched once
-- per configuration (see SqlFilter); branches for configurations no row has cannot match and only cost GIN scans.
CREATE TABLE ${flyway:defaultSchema}.search_config_seen (
    config text PRIMARY KEY
);
INSERT INTO ${flyway:defaultSchema}.search_config_seen (config)
SELECT DISTINCT CAST(search_config AS text) FROM ${flyway:defaultSchema}.article
ON CONFLICT DO NOTHING;
