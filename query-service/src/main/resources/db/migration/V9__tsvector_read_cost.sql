-- Always true; declared expensive so that a plan that fetches many heap rows to check them against the text query
-- is costed as such. PostgreSQL charges nothing for reading a row's TOASTed tsvector (~3 KB, several buffers),
-- so for a short range of a source or of the time index it checked each row's tsvector (~5 buffers a row) instead
-- of ANDing the text index's bitmap with the range and fetching only the matches (1 buffer each): at 1M, 1,217
-- buffers against 94 for a 3-day window of the biggest source (docs/benchmarks.md, session 9). ArticleSearch adds
-- it to the windows of ListPlan.NEWEST_WINDOWS only. The planner charges a qual on every row a plan fetches
-- (a cheaper qual is evaluated first, so at run time it is called only on rows that passed the others, ~1 µs each).
-- 100000 x cpu_operator_cost = 250 per fetched row: with 10000 a dense word's first window of a month still walked
-- (president: 734 buffers walking 143 rows against 244 for the bitmap; the planner had them within 1 %).
-- PL/pgSQL, so that it is not inlined (an inlined "true" would be dropped with its cost).
CREATE FUNCTION ${flyway:defaultSchema}.tsvector_read_cost(row_id text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 100000 AS
$$
BEGIN
    RETURN true;
END
$$;
