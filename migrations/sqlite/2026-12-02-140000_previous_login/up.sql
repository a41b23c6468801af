-- The sign-in before the latest one, shown to the person (a sign-in they do not recognise
-- is a warning sign); the latest one is last_login_at.
ALTER TABLE users ADD COLUMN previous_login_at TIMESTAMP;
