DROP TABLE programme_obligations;
