//! Attachments: every file the portal keeps (call guidelines now; application annexes,
//! mandates, supporting documents and reports later) is one kind of thing: what it is
//! for, whom it belongs to, its language, a version (a new file with the same title and
//! language replaces the earlier one, which is kept), and whether it is frozen (an
//! authentic text, a submitted annex: never changed, never removed).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// What an attachment belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    Call,
    /// A corrigendum to a published call (its own documents).
    Corrigendum,
    Application,
    Organisation,
    Contract,
    Report,
}

impl OwnerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerKind::Call => "call",
            OwnerKind::Corrigendum => "corrigendum",
            OwnerKind::Application => "application",
            OwnerKind::Organisation => "organisation",
            OwnerKind::Contract => "contract",
            OwnerKind::Report => "report",
        }
    }
}

/// A kind of file content, recognised by its bytes (never by its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Docx,
    Odt,
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Docx => "docx",
            FileKind::Odt => "odt",
        }
    }
}

/// What an attachment is for; each use has its own allowed kinds and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A call's guidelines for applicants (CFP-08).
    Guidelines,
    /// The text of a corrigendum to a published call.
    Corrigendum,
    /// An annex of an application.
    Annex,
    /// A co-applicant's or affiliated entity's mandate.
    Mandate,
    /// Statutes, accounts, audit report (SEL-02).
    SupportingDocument,
    /// A narrative or financial report (REP-01).
    Report,
    /// The contract signed by both sides, as PDF or scan (CON-01).
    SignedContract,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Guidelines => "guidelines",
            Purpose::Corrigendum => "corrigendum",
            Purpose::Annex => "annex",
            Purpose::Mandate => "mandate",
            Purpose::SupportingDocument => "supporting_document",
            Purpose::Report => "report",
            Purpose::SignedContract => "signed_contract",
        }
    }

    /// The kinds of file accepted for this use.
    pub fn allowed_kinds(self) -> &'static [FileKind] {
        &[FileKind::Pdf, FileKind::Docx, FileKind::Odt]
    }

    /// The largest file accepted for this use.
    pub fn max_bytes(self) -> usize {
        match self {
            Purpose::Guidelines
            | Purpose::Corrigendum
            | Purpose::Report
            | Purpose::SignedContract => 20 * 1024 * 1024,
            Purpose::Annex | Purpose::Mandate | Purpose::SupportingDocument => 10 * 1024 * 1024,
        }
    }
}

/// What the rules need to know of an earlier attachment of the same owner and use.
#[derive(Debug, Clone)]
pub struct Earlier<'a> {
    pub id: &'a str,
    pub language: Option<&'a str>,
    pub title: &'a str,
    pub version: i32,
    pub frozen_at: Option<NaiveDateTime>,
    pub removed_at: Option<NaiveDateTime>,
}

/// Where a new file stands among the earlier ones: its version and the one it replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub version: i32,
    pub replaces: Option<String>,
}

/// Why an attachment cannot be added, replaced or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentProblem {
    /// The file it would replace (or remove) is frozen.
    Frozen,
}

impl AttachmentProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            AttachmentProblem::Frozen => "error-attachment-frozen",
        }
    }
}

/// A new file with the same title and language as a current one is its next version;
/// a frozen current one cannot be replaced.
pub fn place(
    earlier: &[Earlier<'_>],
    language: Option<&str>,
    title: &str,
) -> Result<Placement, AttachmentProblem> {
    let same = |e: &&Earlier<'_>| {
        e.language == language && e.title.trim().eq_ignore_ascii_case(title.trim())
    };
    let current = earlier
        .iter()
        .filter(same)
        .filter(|e| e.removed_at.is_none())
        .max_by_key(|e| e.version);
    if current.is_some_and(|c| c.frozen_at.is_some()) {
        return Err(AttachmentProblem::Frozen);
    }
    let version = earlier
        .iter()
        .filter(same)
        .map(|e| e.version)
        .max()
        .unwrap_or(0)
        + 1;
    Ok(Placement {
        version,
        replaces: current.map(|c| c.id.to_string()),
    })
}

/// A frozen file is never removed.
pub fn may_remove(frozen_at: Option<NaiveDateTime>) -> Result<(), AttachmentProblem> {
    match frozen_at {
        Some(_) => Err(AttachmentProblem::Frozen),
        None => Ok(()),
    }
}

/// The ids of the files that are current (not removed, not replaced by a later version).
pub fn current_ids<'a>(all: &[Earlier<'a>]) -> Vec<&'a str> {
    all.iter()
        .filter(|e| e.removed_at.is_none())
        .filter(|e| {
            !all.iter().any(|later| {
                later.removed_at.is_none()
                    && later.language == e.language
                    && later.title.trim().eq_ignore_ascii_case(e.title.trim())
                    && later.version > e.version
            })
        })
        .map(|e| e.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e<'a>(
        id: &'a str,
        language: &'a str,
        title: &'a str,
        version: i32,
        frozen: bool,
    ) -> Earlier<'a> {
        Earlier {
            id,
            language: Some(language),
            title,
            version,
            frozen_at: frozen.then(|| {
                chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap()
            }),
            removed_at: None,
        }
    }

    #[test]
    fn a_same_titled_file_is_the_next_version_and_replaces_the_current_one() {
        let earlier = vec![
            e("a", "en", "Guidelines", 1, false),
            e("b", "kk", "Guidelines", 1, false),
        ];
        assert_eq!(
            place(&earlier, Some("en"), " guidelines "),
            Ok(Placement {
                version: 2,
                replaces: Some("a".into())
            })
        );
        assert_eq!(
            place(&earlier, Some("en"), "Annex A"),
            Ok(Placement {
                version: 1,
                replaces: None
            })
        );
        assert_eq!(current_ids(&earlier), vec!["a", "b"]);
        let mut with_v2 = earlier.clone();
        with_v2.push(e("c", "en", "Guidelines", 2, false));
        assert_eq!(current_ids(&with_v2), vec!["b", "c"]);
    }

    #[test]
    fn frozen_files_are_neither_replaced_nor_removed() {
        let earlier = vec![e("a", "en", "Guidelines", 1, true)];
        assert_eq!(
            place(&earlier, Some("en"), "Guidelines"),
            Err(AttachmentProblem::Frozen)
        );
        assert!(place(&earlier, Some("kk"), "Guidelines").is_ok());
        assert_eq!(
            may_remove(earlier[0].frozen_at),
            Err(AttachmentProblem::Frozen)
        );
        assert_eq!(may_remove(None), Ok(()));
    }

    #[test]
    fn each_use_has_its_limits() {
        assert_eq!(Purpose::Guidelines.max_bytes(), 20 * 1024 * 1024);
        assert!(Purpose::Annex.max_bytes() < Purpose::Guidelines.max_bytes());
        assert!(Purpose::Mandate.allowed_kinds().contains(&FileKind::Pdf));
    }
}
