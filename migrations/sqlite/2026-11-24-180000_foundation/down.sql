DROP TABLE revoked_sessions;
DROP TABLE outbox;
DROP TABLE audit_chain_head;
DROP TABLE audit_events;
DROP TABLE api_tokens;
DROP TABLE user_tokens;
DROP TABLE users;
