-- The planner's cost of a full-text match (tsvector @@ tsquery), raised from 1 to 1000 (x cpu_operator_cost 0.0025
-- = 2.5 per evaluation, about two and a half page reads). Why: search_vector is a ~3 KB TOASTed value, and every
-- evaluation on a heap row detoasts it (4-5 buffers, 20-65 us measured), which the planner does not charge at
-- all. With cost 1 a newest-first walk of the sort index that evaluates @@ on every walked row looked cheaper than
-- the GIN bitmap of the matches even for rarer terms: "climate" (0.6 % of rows), newest 11, walked 1,444 rows and
-- 7,291 buffers (72 ms) at 100,000 rows where the bitmap reads 299 buffers (1 ms); common terms keep the walk.
-- A database-level setting of a built-in function (pg_catalog), so it needs a superuser (the compose and local
-- setups migrate as one); without the privilege the migration leaves the cost and says so. pg_dump does not keep
-- it: a restored database needs this statement again.
DO
$$
    BEGIN
        ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) COST 1000;
    EXCEPTION
        WHEN insufficient_privilege THEN
            RAISE WARNING 'ts_match_vq cost left at its default (needs a superuser): %', SQLERRM;
    END
$$;
