DROP TABLE aggregate_locks;
