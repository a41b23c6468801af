ALTER TABLE users DROP COLUMN previous_login_at;
