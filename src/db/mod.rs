//! Storage: one connection type over SQLite or PostgreSQL (chosen by URL scheme), the
//! pool, the embedded migrations, the write-transaction helper and the query modules.

pub mod api_tokens;
pub mod applications;
pub mod attachments;
pub mod audit;
pub mod auth_attempts;
pub mod backup;
pub mod calls;
pub mod contracts;
pub mod evaluation;
pub mod idempotency;
pub mod locks;
pub mod organisations;
pub mod outbox;
pub mod programmes;
pub mod schema;
pub mod second_factors;
pub mod sessions;
pub mod tokens;
pub mod users;

use std::path::Path;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel::Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

/// The backend type of `DbConnection`, for boxed queries.
pub type DbBackend = <DbConnection as Connection>::Backend;

pub type DbPool = r2d2::Pool<ConnectionManager>;
pub type PooledConn = r2d2::PooledConnection<ConnectionManager>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Which backend a `DATABASE_URL` selects, and the string its driver expects.
pub fn parse_database_url(url: &str) -> Result<(Backend, String), String> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok((Backend::Postgres, url.to_string()))
    } else if let Some(path) = url.strip_prefix("sqlite://") {
        Ok((Backend::Sqlite, path.to_string()))
    } else if let Some(path) = url.strip_prefix("sqlite:") {
        Ok((Backend::Sqlite, path.to_string()))
    } else {
        Err(format!(
            "unsupported DATABASE_URL scheme (expected sqlite://PATH or postgres://…): {}",
            redact_url(url)
        ))
    }
}

/// Hides a password in a URL before it reaches a log or an error message.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

/// Picks the backend by URL scheme; the derived `establish` would try SQLite for any
/// string and turn a bad PostgreSQL URL into a confusing SQLite error.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    backend: Backend,
    target: String,
}

impl ConnectionManager {
    pub fn new(url: &str) -> Result<Self, String> {
        let (backend, target) = parse_database_url(url)?;
        Ok(Self { backend, target })
    }
    pub fn backend(&self) -> Backend {
        self.backend
    }
}

const SQLITE_PRAGMAS: &str =
    "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = FULL;";

impl ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.target)
                .map(DbConnection::Postgresql)
                .map_err(r2d2::Error::ConnectionError),
            Backend::Sqlite => {
                let mut conn = SqliteConnection::establish(&self.target)
                    .map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    /// A connection given back while panicking, or with a transaction left open, is
    /// dropped instead of reused (it could still hold SQLite's write lock).
    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        std::thread::panicking()
            || <DbConnection as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// Builds the pool; for SQLite the parent folder is created first.
pub fn build_pool(url: &str, size: u32) -> anyhow::Result<DbPool> {
    let manager = ConnectionManager::new(url).map_err(anyhow::Error::msg)?;
    if manager.backend == Backend::Sqlite && manager.target != ":memory:" {
        if let Some(parent) = Path::new(&manager.target).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)?;
            }
        }
    }
    let pool = r2d2::Pool::builder()
        .max_size(size.max(1))
        .connection_timeout(Duration::from_secs(10))
        .build(manager)
        .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", redact_url(url)))?;
    Ok(pool)
}

/// Applies every pending migration of the connection's backend (see `prepare_schema`).
pub fn run_migrations(conn: &mut DbConnection) -> anyhow::Result<Vec<String>> {
    prepare_schema(conn, true)
}

/// Where the database stands against this release's migrations.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SchemaState {
    /// Applied in the database but unknown here: a newer release migrated it.
    pub unknown: Vec<String>,
    /// Known here but not applied yet.
    pub pending: Vec<String>,
}

fn schema_state<DB, C>(conn: &mut C, source: EmbeddedMigrations) -> anyhow::Result<SchemaState>
where
    DB: diesel::backend::Backend,
    C: MigrationHarness<DB>,
    EmbeddedMigrations: diesel::migration::MigrationSource<DB>,
{
    use diesel::migration::MigrationSource;
    let applied: Vec<String> = conn
        .applied_migrations()
        .map_err(|e| anyhow::anyhow!("cannot read the applied migrations: {e}"))?
        .iter()
        .map(|v| v.to_string())
        .collect();
    let known: Vec<String> = MigrationSource::<DB>::migrations(&source)
        .map_err(|e| anyhow::anyhow!("cannot read this release's migrations: {e}"))?
        .iter()
        .map(|m| m.name().version().to_string())
        .collect();
    Ok(SchemaState {
        unknown: applied
            .iter()
            .filter(|v| !known.contains(v))
            .cloned()
            .collect(),
        pending: known
            .iter()
            .filter(|v| !applied.contains(v))
            .cloned()
            .collect(),
    })
}

/// Checks the schema before a node serves: refuses a database migrated by a newer
/// release (this one would misread it), and applies the pending migrations when `apply`
/// is true, else refuses them too. On PostgreSQL an advisory lock makes nodes that
/// start together (or `grants migrate` beside them) take turns.
pub fn prepare_schema(conn: &mut DbConnection, apply: bool) -> anyhow::Result<Vec<String>> {
    /// Any number fixed for the portal: the key of its migration lock.
    const MIGRATION_LOCK: i64 = 0x4b41_5a4c_4f44;
    use diesel::RunQueryDsl as _;
    match conn {
        DbConnection::Postgresql(c) => {
            diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK})")).execute(c)?;
            let result = schema_state(c, POSTGRES_MIGRATIONS).and_then(|state| {
                check_schema(&state, apply)?;
                c.run_pending_migrations(POSTGRES_MIGRATIONS)
                    .map(|v| v.iter().map(|v| v.to_string()).collect())
                    .map_err(|e| anyhow::anyhow!("migration failed: {e}"))
            });
            diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})")).execute(c)?;
            result
        }
        DbConnection::Sqlite(c) => {
            let state = schema_state(c, SQLITE_MIGRATIONS)?;
            check_schema(&state, apply)?;
            c.run_pending_migrations(SQLITE_MIGRATIONS)
                .map(|v| v.iter().map(|v| v.to_string()).collect())
                .map_err(|e| anyhow::anyhow!("migration failed: {e}"))
        }
    }
}

fn check_schema(state: &SchemaState, apply: bool) -> anyhow::Result<()> {
    anyhow::ensure!(
        state.unknown.is_empty(),
        "the database was migrated by a newer release of the portal (migrations {} are \
         unknown to this one); this node refuses to serve it. Run the newer release, or \
         restore the backup taken before the upgrade",
        state.unknown.join(", ")
    );
    anyhow::ensure!(
        apply || state.pending.is_empty(),
        "the database needs {} migration(s) of this release ({}); run `grants migrate` \
         first (database.migrate_on_start is off, so serve does not apply them)",
        state.pending.len(),
        state.pending.join(", ")
    );
    Ok(())
}

diesel::define_sql_function!(
    /// The length of a text, in characters (both backends).
    fn length(x: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Integer>
);

/// `INSERT … ON CONFLICT DO NOTHING` on either backend (upserts do not compile through
/// the connection enum, so the statement is dispatched to the inner connection).
/// Returns the number of rows inserted (0 when the row existed).
#[macro_export]
macro_rules! insert_or_ignore {
    ($conn:expr, $table:expr, $values:expr) => {{
        use diesel::RunQueryDsl as _;
        match $conn {
            $crate::db::DbConnection::Postgresql(c) => diesel::insert_into($table)
                .values($values)
                .on_conflict_do_nothing()
                .execute(c),
            $crate::db::DbConnection::Sqlite(c) => diesel::insert_into($table)
                .values($values)
                .on_conflict_do_nothing()
                .execute(c),
        }
    }};
}
pub use insert_or_ignore;

/// Runs `f` in a write transaction. On SQLite it is `BEGIN IMMEDIATE`, so concurrent
/// read-then-write transactions queue for the lock instead of failing as "database is
/// locked"; on PostgreSQL it is an ordinary transaction (row locks where it matters).
pub fn write_tx<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn {
        DbConnection::Postgresql(_) => conn.transaction(f),
        DbConnection::Sqlite(inner) => {
            AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
            match f(conn) {
                Ok(value) => {
                    if let Err(e) =
                        <DbConnection as Connection>::TransactionManager::commit_transaction(conn)
                    {
                        let _ =
                            <DbConnection as Connection>::TransactionManager::rollback_transaction(
                                conn,
                            );
                        return Err(e.into());
                    }
                    Ok(value)
                }
                Err(err) => {
                    <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)?;
                    Err(err)
                }
            }
        }
    }
}

pub use crate::domain::time::truncate_micros;

/// Escapes `%`, `_` and `\` for a LIKE pattern (used with `ESCAPE '\'`).
pub fn like_pattern(needle: &str) -> String {
    let mut out = String::with_capacity(needle.len() + 2);
    out.push('%');
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}
