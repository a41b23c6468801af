//! Integration tests: the real server, over HTTP, on SQLite and (with
//! TEST_POSTGRES_URL) PostgreSQL, each test on its own fresh database.

mod helpers;

mod access;
mod account_security;
mod accounts;
mod annexes;
mod api_workflow;
mod applications;
mod audit_api;
mod award;
mod call_content;
mod calls;
mod cli;
mod concurrency;
mod contracts;
mod demo;
mod evaluation;
mod first_start;
mod full_applications;
mod hardening;
mod idempotency;
mod mail_admin;
mod operations;
mod organisations;
mod received;
mod security;
mod two_factor;
mod two_nodes;
mod visit;
