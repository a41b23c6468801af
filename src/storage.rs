//! Documents behind one interface (`object_store`): a local folder by default, an
//! S3-compatible object store by configuration, so that several portal nodes share the
//! same files. Keys are generated (UUIDs); what a file is lives in the database.

use std::sync::Arc;

use anyhow::Context;
use object_store::{path::Path as ObjectPath, ObjectStore, PutPayload};

use crate::config::StorageSettings;

#[derive(Clone)]
pub struct Documents {
    store: Arc<dyn ObjectStore>,
    prefix: String,
    /// `local` or `s3`, for logs and the health page.
    pub kind: &'static str,
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Documents({})", self.kind)
    }
}

/// A generated key: only hexadecimal digits and dashes (nothing a path could abuse).
pub fn is_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 64 && key.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

impl Documents {
    pub fn from_settings(
        settings: &StorageSettings,
        data_dir: &std::path::Path,
    ) -> anyhow::Result<Self> {
        match settings.kind.as_str() {
            "local" | "" => {
                let dir = settings.dir_in(data_dir);
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
                let store = object_store::local::LocalFileSystem::new_with_prefix(&dir)
                    .with_context(|| format!("cannot use {} for documents", dir.display()))?;
                Ok(Documents {
                    store: Arc::new(store),
                    prefix: String::new(),
                    kind: "local",
                })
            }
            "s3" => {
                anyhow::ensure!(!settings.s3_bucket.is_empty(), "storage.s3_bucket is empty");
                let mut builder = object_store::aws::AmazonS3Builder::new()
                    .with_bucket_name(&settings.s3_bucket)
                    .with_region(&settings.s3_region)
                    .with_allow_http(settings.s3_allow_http);
                if !settings.s3_endpoint.is_empty() {
                    builder = builder.with_endpoint(&settings.s3_endpoint);
                }
                if !settings.s3_access_key_id.is_empty() {
                    builder = builder
                        .with_access_key_id(&settings.s3_access_key_id)
                        .with_secret_access_key(&settings.s3_secret_access_key);
                }
                let store = builder
                    .build()
                    .context("cannot configure the S3 document store")?;
                Ok(Documents {
                    store: Arc::new(store),
                    prefix: settings.s3_prefix.trim_matches('/').to_string(),
                    kind: "s3",
                })
            }
            other => anyhow::bail!("storage.kind must be \"local\" or \"s3\", not {other:?}"),
        }
    }

    fn path(&self, key: &str) -> ObjectPath {
        if self.prefix.is_empty() {
            ObjectPath::from(key)
        } else {
            ObjectPath::from(format!("{}/{key}", self.prefix))
        }
    }

    /// Stores the bytes under a key; the file is complete or absent (the local store
    /// writes a staging file and renames it, S3 puts an object at once).
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        anyhow::ensure!(is_key(key), "not a document key");
        self.store
            .put(&self.path(key), PutPayload::from(bytes))
            .await
            .context("cannot store the document")?;
        Ok(())
    }

    /// The bytes stored under a key, or `None` when there are none.
    pub async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        if !is_key(key) {
            return Ok(None);
        }
        match self.store.get(&self.path(key)).await {
            Ok(found) => Ok(Some(
                found
                    .bytes()
                    .await
                    .context("cannot read the document")?
                    .to_vec(),
            )),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(anyhow::Error::new(e).context("cannot read the document")),
        }
    }

    /// Removes a stored file (one no row refers to); a missing one is no error.
    pub async fn delete(&self, key: &str) -> anyhow::Result<()> {
        if !is_key(key) {
            return Ok(());
        }
        match self.store.delete(&self.path(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(anyhow::Error::new(e).context("cannot remove the document")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_generated_keys_are_used() {
        assert!(is_key("0192f0c4-7b7e-7a31-9c1d-2f1e3d4c5b6a"));
        assert!(!is_key("../secret.key"));
        assert!(!is_key(""));
        assert!(!is_key("a/b"));
    }

    #[tokio::test]
    async fn a_local_store_keeps_files_under_their_key() {
        let dir = tempfile::tempdir().unwrap();
        let docs = Documents::from_settings(&StorageSettings::default(), dir.path()).unwrap();
        docs.put("abc-123", b"%PDF-1.7".to_vec()).await.unwrap();
        assert!(dir.path().join("uploads/abc-123").exists());
        assert_eq!(docs.get("abc-123").await.unwrap().unwrap(), b"%PDF-1.7");
        assert_eq!(docs.get("abc-124").await.unwrap(), None);
        docs.delete("abc-123").await.unwrap();
        docs.delete("abc-123").await.unwrap();
        assert_eq!(docs.get("abc-123").await.unwrap(), None);
        assert!(docs.put("../x", vec![1]).await.is_err());
    }
}
