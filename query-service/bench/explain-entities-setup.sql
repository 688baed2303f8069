-- Shared by explain-entities.sql and explain-entities-v7.sql: the service's connection settings and the entities
-- looked up (-v common=... -v rare=... on the psql command line, else these defaults).
\pset pager off
SET work_mem = '32MB';
SET jit = off;
SET max_parallel_workers_per_gather = 0;
\if :{?common}
\else
\set common 'JP'
\endif
\if :{?rare}
\else
\set rare 'person:taro-kono'
\endif
