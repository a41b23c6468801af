DROP TABLE user_recovery_codes;
DROP TABLE user_second_factors;
ALTER TABLE api_tokens DROP COLUMN expires_at;
DROP TABLE auth_attempts;
