ALTER TABLE applications DROP COLUMN action_locations;
