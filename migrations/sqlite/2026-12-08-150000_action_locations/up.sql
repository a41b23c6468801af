-- CFP-04: a lot's eligible locations are where the action takes place, asked in the
-- application (comma-separated oblast codes), not the applicant's registered seat.
ALTER TABLE applications ADD COLUMN action_locations TEXT NOT NULL DEFAULT '';
