-- A grid's state is rewritten on every batch of its check-ins and weighs 1-3 KB. Stored the default
-- way, a state over 2 KB moves out of line into TOAST on every update (a second table and its index
-- written per write), and a full page makes each update write new index entries as well. Kept inline
-- up to a page, with half of each page left free, an update stays on its page as a heap-only tuple:
-- 1,000-grid batches 17-24 % faster on PostgreSQL (bench/RESULTS.md). Applies to pages written from
-- now on; an existing table needs no rewrite.
ALTER TABLE hub_grain_state SET (fillfactor = 50, toast_tuple_target = 8160);
