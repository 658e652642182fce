-- The change counter every node's caches follow (docs/performance.md, "Caches across nodes"): bumped in the same
-- transaction as every change to a cached table (today: facility), polled by every node, so a change made through
-- one node reaches the caches of all within the bound stated there. One row.
create table cache_version (
    id       smallint primary key,
    version  bigint   not null
);
insert into cache_version (id, version) values (1, 0);
