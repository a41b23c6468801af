//! Uploaded files: type checked by content (magic bytes), size limited, office files
//! inspected as ZIP without unpacking, stored under a generated name outside any
//! served folder with their SHA-256.

use std::io::Cursor;

use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Largest guidelines document accepted.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;

use crate::domain::attachments::{FileKind, Purpose};
/// ZIP-based documents: at most this many entries and this much unpacked data.
const MAX_ZIP_ENTRIES: usize = 2_000;
const MAX_ZIP_UNPACKED: u64 = 200 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct CheckedUpload {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// Keeps a safe display name: no path, no control characters, at most 150 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '*' | '?' | '|'))
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .to_string();
    cleaned.chars().take(150).collect()
}

/// Guidelines: PDF, Word (DOCX) or OpenDocument text, checked by content.
pub fn check_document(file_name: &str, bytes: Vec<u8>) -> AppResult<CheckedUpload> {
    check(Purpose::Guidelines, file_name, bytes)
}

/// Checks a file for a use (its allowlist of kinds and its size) by content: the kind
/// is recognised from the bytes, and the name must carry exactly that one extension.
pub fn check(purpose: Purpose, file_name: &str, bytes: Vec<u8>) -> AppResult<CheckedUpload> {
    let name = clean_file_name(file_name);
    if bytes.is_empty() {
        return Err(AppError::field("file", "error-upload-empty"));
    }
    if bytes.len() > purpose.max_bytes() {
        return Err(AppError::field("file", "error-upload-too-large"));
    }
    let lower = name.to_lowercase();
    let parts: Vec<&str> = lower.split('.').collect();
    // Exactly one extension: "guidelines.pdf", never "guidelines.exe.pdf".
    if parts.len() != 2 || parts[0].is_empty() {
        return Err(AppError::field("file", "error-upload-name"));
    }
    let kind = if bytes.starts_with(b"%PDF-") {
        FileKind::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") {
        zip_document_type(&bytes)?
    } else {
        return Err(AppError::field("file", "error-upload-type"));
    };
    if !purpose.allowed_kinds().contains(&kind) || parts[1] != kind.extension() {
        return Err(AppError::field("file", "error-upload-type"));
    }
    Ok(CheckedUpload {
        file_name: name,
        content_type: kind.content_type(),
        bytes,
    })
}

fn zip_document_type(bytes: &[u8]) -> AppResult<FileKind> {
    let bad = || AppError::field("file", "error-upload-type");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| bad())?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(bad());
    }
    let mut total: u64 = 0;
    let mut names = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|_| bad())?;
        let name = entry.name().to_string();
        if name.starts_with('/') || name.contains("..") || name.contains('\\') {
            return Err(bad());
        }
        total = total.saturating_add(entry.size());
        names.push(name);
    }
    if total > MAX_ZIP_UNPACKED {
        return Err(bad());
    }
    if names.iter().any(|n| n == "[Content_Types].xml")
        && names.iter().any(|n| n.starts_with("word/"))
    {
        Ok(FileKind::Docx)
    } else if names.first().is_some_and(|n| n == "mimetype")
        && names.iter().any(|n| n == "content.xml")
    {
        Ok(FileKind::Odt)
    } else {
        Err(bad())
    }
}

pub struct Stored {
    pub key: String,
    pub sha256: String,
}

/// Stores the bytes under a generated key in the document store (never a served folder).
#[tracing::instrument(skip_all)]
pub async fn store(state: &AppState, upload: &CheckedUpload) -> AppResult<Stored> {
    let key = uuid::Uuid::new_v4().to_string();
    let sha256 = hex::encode(Sha256::digest(&upload.bytes));
    state
        .documents
        .put(&key, upload.bytes.clone())
        .await
        .map_err(AppError::Internal)?;
    Ok(Stored { key, sha256 })
}

/// Removes a stored file that no database row refers to (a failed transaction).
#[tracing::instrument(skip_all)]
pub async fn discard(state: &AppState, key: &str) {
    if let Err(e) = state.documents.delete(key).await {
        tracing::warn!(error = %e, "an orphaned upload could not be removed");
    }
}

/// Reads a stored file back.
#[tracing::instrument(skip_all)]
pub async fn read(state: &AppState, key: &str) -> AppResult<Vec<u8>> {
    state
        .documents
        .get(key)
        .await
        .map_err(AppError::Internal)?
        .ok_or(AppError::NotFound)
}

/// `Content-Disposition: attachment` with an RFC 6266 / 5987 encoded name.
pub fn content_disposition(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._- ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = url::form_urlencoded::byte_serialize(file_name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(entries: &[&str]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            for e in entries {
                w.start_file(
                    *e,
                    zip::write::SimpleFileOptions::default()
                        .compression_method(zip::CompressionMethod::Stored),
                )
                .unwrap();
                w.write_all(b"x").unwrap();
            }
            w.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn pdfs_and_word_files_are_recognised_by_content() {
        assert_eq!(
            check_document("Guidelines.pdf", b"%PDF-1.7 ...".to_vec())
                .unwrap()
                .content_type,
            "application/pdf"
        );
        let docx = zip_with(&["[Content_Types].xml", "word/document.xml"]);
        assert!(check_document("guide.docx", docx).is_ok());
        let odt = zip_with(&["mimetype", "content.xml"]);
        assert!(check_document("guide.odt", odt).is_ok());
    }

    #[test]
    fn wrong_types_empty_files_and_double_extensions_are_refused() {
        let code = |r: AppResult<CheckedUpload>| match r {
            Err(AppError::Validation(e)) => e[0].code,
            _ => "ok",
        };
        assert_eq!(
            code(check_document("x.pdf", Vec::new())),
            "error-upload-empty"
        );
        assert_eq!(
            code(check_document("x.pdf", b"MZ\x90\x00 not a pdf".to_vec())),
            "error-upload-type"
        );
        assert_eq!(
            code(check_document("x.exe.pdf", b"%PDF-1.7".to_vec())),
            "error-upload-name"
        );
        assert_eq!(
            code(check_document("x.docx", b"%PDF-1.7".to_vec())),
            "error-upload-type"
        );
        assert_eq!(
            code(check_document("x.docx", zip_with(&["../evil", "word/x"]))),
            "error-upload-type"
        );
        assert_eq!(
            code(check_document("x.docx", zip_with(&["just.txt"]))),
            "error-upload-type"
        );
        assert_eq!(
            code(check_document("x.pdf", vec![b'%'; MAX_DOCUMENT_BYTES + 1])),
            "error-upload-too-large"
        );
    }

    #[test]
    fn names_are_cleaned_and_encoded() {
        assert_eq!(
            clean_file_name("C:\\Users\\x\\..\\Нұсқаулық.pdf"),
            "Нұсқаулық.pdf"
        );
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        let h = content_disposition("Нұсқаулық 2026.pdf");
        assert!(h.starts_with("attachment; filename=\""));
        assert!(h.contains("filename*=UTF-8''%D0%9D"));
        assert!(!h.contains('\n'));
    }
}
