//! Consistent online backups: SQLite's `VACUUM INTO` (a snapshot, even while the
//! portal writes), PostgreSQL's `pg_dump` in its custom format (restored with
//! `pg_restore`). README explains the restore.

use std::path::Path;

use diesel::connection::SimpleConnection;

use super::{parse_database_url, redact_url, Backend};

/// Writes a backup of the database at `url` to `target`, which must not exist yet.
pub fn backup(url: &str, target: &Path) -> anyhow::Result<u64> {
    anyhow::ensure!(
        !target.exists(),
        "{} exists already; choose a new file",
        target.display()
    );
    let (backend, _) = parse_database_url(url).map_err(anyhow::Error::msg)?;
    match backend {
        Backend::Sqlite => {
            let pool = super::build_pool(url, 1)?;
            let mut conn = pool.get()?;
            let path = target
                .to_str()
                .ok_or_else(|| anyhow::anyhow!("the backup path is not UTF-8"))?;
            // A SQL string literal: single quotes doubled.
            conn.batch_execute(&format!("VACUUM INTO '{}'", path.replace('\'', "''")))?;
        }
        Backend::Postgres => {
            let status = std::process::Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(target)
                .arg(url)
                .status()
                .map_err(|e| {
                    anyhow::anyhow!("cannot run pg_dump (install postgresql-client): {e}")
                })?;
            anyhow::ensure!(status.success(), "pg_dump failed for {}", redact_url(url));
        }
    }
    Ok(std::fs::metadata(target)?.len())
}
