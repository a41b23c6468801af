//! The audit trail's hash chain (TL-08, SECURITY.md "Errors and logs"): each event's hash
//! covers its own fields and the previous event's hash, so an edited, inserted or
//! removed row breaks the chain from that point on. The chain is keyed (HMAC-SHA256 with
//! a key kept outside the database) from the first event written with a key: someone
//! who can write to the database but has not the key cannot recompute it. Signed
//! checkpoints of the head, written outside the database, catch a removed tail.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The `prev_hash` of the very first event.
/// Rule REC-01: records (the audit trail with them) are kept at least this many years
/// after the programme's final payment.
pub const RECORDS_KEPT_YEARS: i64 = 7;

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of one event that the hash covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedEvent<'a> {
    pub seq: i64,
    pub id: &'a str,
    /// UTC, formatted as `%Y-%m-%dT%H:%M:%S%.6f` so both databases hash the same text.
    pub occurred_at: &'a str,
    pub actor_id: Option<&'a str>,
    pub actor_email: Option<&'a str>,
    pub action: &'a str,
    pub object_type: Option<&'a str>,
    pub object_id: Option<&'a str>,
    pub details: &'a str,
    pub client_ip: Option<&'a str>,
    pub prev_hash: &'a str,
}

impl ChainedEvent<'_> {
    /// Every field, each length-prefixed so that no two different events can produce
    /// the same byte stream.
    fn canonical(&self) -> Vec<u8> {
        let mut h = Vec::new();
        let mut field = |value: Option<&str>| match value {
            None => h.extend_from_slice(b"-1:"),
            Some(v) => {
                h.extend_from_slice(v.len().to_string().as_bytes());
                h.extend_from_slice(b":");
                h.extend_from_slice(v.as_bytes());
            }
        };
        field(Some(&self.seq.to_string()));
        field(Some(self.id));
        field(Some(self.occurred_at));
        field(self.actor_id);
        field(self.actor_email);
        field(Some(self.action));
        field(self.object_type);
        field(self.object_id);
        field(Some(self.details));
        field(self.client_ip);
        field(Some(self.prev_hash));
        h
    }

    /// SHA-256 (hex): the links written before the chain was keyed.
    pub fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.canonical()))
    }

    /// HMAC-SHA256 (hex) under the audit key.
    pub fn keyed_hash(&self, key: &[u8]) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
        mac.update(&self.canonical());
        hex::encode(mac.finalize().into_bytes())
    }

    /// The link as written at `keyed_from` (None: not keyed yet).
    pub fn link(&self, key: &[u8], keyed_from: Option<i64>) -> String {
        if keyed_from.is_some_and(|from| self.seq >= from) {
            self.keyed_hash(key)
        } else {
            self.hash()
        }
    }
}

/// A checkpoint of the chain head, signed with the checkpoint key and written outside
/// the database: `seq`, the head's hash at that moment, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
    /// UTC, RFC 3339.
    pub at: String,
}

impl Checkpoint {
    fn signed_text(&self) -> String {
        format!("{}|{}|{}", self.seq, self.hash, self.at)
    }

    /// The line written to the checkpoint file.
    pub fn line(&self, key: &[u8]) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
        mac.update(self.signed_text().as_bytes());
        format!(
            "seq={} hash={} at={} mac={}",
            self.seq,
            self.hash,
            self.at,
            hex::encode(mac.finalize().into_bytes())
        )
    }

    /// Reads a line written by `line`; None when it is malformed or its signature does
    /// not hold (a forged or edited checkpoint).
    pub fn parse(line: &str, key: &[u8]) -> Option<Checkpoint> {
        let mut seq = None;
        let mut hash = None;
        let mut at = None;
        let mut tag = None;
        for part in line.split_whitespace() {
            match part.split_once('=')? {
                ("seq", v) => seq = v.parse().ok(),
                ("hash", v) => hash = Some(v.to_string()),
                ("at", v) => at = Some(v.to_string()),
                ("mac", v) => tag = hex::decode(v).ok(),
                _ => return None,
            }
        }
        let checkpoint = Checkpoint {
            seq: seq?,
            hash: hash?,
            at: at?,
        };
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
        mac.update(checkpoint.signed_text().as_bytes());
        mac.verify_slice(&tag?).ok()?;
        Some(checkpoint)
    }
}

/// Where verification of the chain first failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// The event's stored hash does not match its content (the row was edited).
    HashMismatch { seq: i64 },
    /// The event does not point at the previous event's hash (a row before it was
    /// removed, inserted or edited).
    LinkBroken { seq: i64 },
    /// Sequence numbers are not consecutive (a row was removed).
    Gap { expected: i64, found: i64 },
    /// The chain head records a later or different last event (the tail was removed).
    HeadMismatch { head_seq: i64, last_seq: i64 },
    /// A signed checkpoint names an event that is gone or different.
    CheckpointMismatch { seq: i64 },
    /// A line of the checkpoint file is not a valid signed checkpoint.
    CheckpointForged { line: usize },
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainBreak::HashMismatch { seq } => write!(f, "event #{seq} was altered (its hash does not match its content)"),
            ChainBreak::LinkBroken { seq } => write!(f, "event #{seq} does not follow the previous event (an event before it was altered or removed)"),
            ChainBreak::Gap { expected, found } => write!(f, "event #{expected} is missing (next present is #{found})"),
            ChainBreak::HeadMismatch { head_seq, last_seq } => write!(f, "the chain head names event #{head_seq} but the last event is #{last_seq} (events were removed from the end)"),
            ChainBreak::CheckpointMismatch { seq } => write!(f, "a signed checkpoint names event #{seq}, which is missing or different now (history was rewritten)"),
            ChainBreak::CheckpointForged { line } => write!(f, "line {line} of the checkpoint file is not a valid signed checkpoint"),
        }
    }
}

/// Incremental verifier, so events can be streamed in pages in `seq` order.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    expected_seq: i64,
    prev_hash: String,
    key: Vec<u8>,
    keyed_from: Option<i64>,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier::keyed(&[], None)
    }
}

impl ChainVerifier {
    /// A verifier for a chain keyed with `key` from event `keyed_from` on.
    pub fn keyed(key: &[u8], keyed_from: Option<i64>) -> ChainVerifier {
        ChainVerifier {
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_string(),
            key: key.to_vec(),
            keyed_from,
        }
    }

    pub fn check(&mut self, event: &ChainedEvent<'_>, stored_hash: &str) -> Result<(), ChainBreak> {
        if event.seq != self.expected_seq {
            return Err(ChainBreak::Gap {
                expected: self.expected_seq,
                found: event.seq,
            });
        }
        if event.prev_hash != self.prev_hash {
            return Err(ChainBreak::LinkBroken { seq: event.seq });
        }
        if event.link(&self.key, self.keyed_from) != stored_hash {
            return Err(ChainBreak::HashMismatch { seq: event.seq });
        }
        self.expected_seq += 1;
        self.prev_hash = stored_hash.to_string();
        Ok(())
    }

    /// Compares the end of the chain with the recorded head.
    pub fn finish(&self, head_seq: i64, head_hash: &str) -> Result<i64, ChainBreak> {
        let last_seq = self.expected_seq - 1;
        if head_seq != last_seq || head_hash != self.prev_hash {
            return Err(ChainBreak::HeadMismatch { head_seq, last_seq });
        }
        Ok(last_seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(seq: i64, prev: &str, details: &'static str) -> (ChainedEvent<'static>, String) {
        let prev: &'static str = Box::leak(prev.to_string().into_boxed_str());
        let e = ChainedEvent {
            seq,
            id: "id",
            occurred_at: "2026-11-24T10:00:00.000000",
            actor_id: Some("u1"),
            actor_email: None,
            action: "user.login",
            object_type: None,
            object_id: None,
            details,
            client_ip: None,
            prev_hash: prev,
        };
        let h = e.hash();
        (e, h)
    }

    fn chain(n: i64) -> Vec<(ChainedEvent<'static>, String)> {
        let mut out = Vec::new();
        let mut prev = GENESIS_HASH.to_string();
        for seq in 1..=n {
            let (e, h) = event(seq, &prev, "{}");
            prev = h.clone();
            out.push((e, h));
        }
        out
    }

    #[test]
    fn an_intact_chain_verifies() {
        let c = chain(5);
        let mut v = ChainVerifier::default();
        for (e, h) in &c {
            v.check(e, h).unwrap();
        }
        assert_eq!(v.finish(5, &c[4].1), Ok(5));
    }

    #[test]
    fn an_edited_event_is_found() {
        let mut c = chain(3);
        c[1].0.details = "{\"role\":\"admin\"}";
        let mut v = ChainVerifier::default();
        v.check(&c[0].0, &c[0].1).unwrap();
        assert_eq!(
            v.check(&c[1].0, &c[1].1),
            Err(ChainBreak::HashMismatch { seq: 2 })
        );
    }

    #[test]
    fn a_removed_event_is_found() {
        let c = chain(3);
        let mut v = ChainVerifier::default();
        v.check(&c[0].0, &c[0].1).unwrap();
        assert_eq!(
            v.check(&c[2].0, &c[2].1),
            Err(ChainBreak::Gap {
                expected: 2,
                found: 3
            })
        );
    }

    #[test]
    fn a_removed_tail_is_found() {
        let c = chain(3);
        let mut v = ChainVerifier::default();
        v.check(&c[0].0, &c[0].1).unwrap();
        v.check(&c[1].0, &c[1].1).unwrap();
        assert!(matches!(
            v.finish(3, &c[2].1),
            Err(ChainBreak::HeadMismatch { .. })
        ));
    }

    #[test]
    fn a_recomputed_edit_still_breaks_the_next_link() {
        let mut c = chain(3);
        c[1].0.details = "{\"x\":1}";
        c[1].1 = c[1].0.hash();
        let mut v = ChainVerifier::default();
        v.check(&c[0].0, &c[0].1).unwrap();
        v.check(&c[1].0, &c[1].1).unwrap();
        assert_eq!(
            v.check(&c[2].0, &c[2].1),
            Err(ChainBreak::LinkBroken { seq: 3 })
        );
    }

    #[test]
    fn a_keyed_chain_cannot_be_recomputed_without_the_key() {
        let key = b"0123456789abcdef0123456789abcdef";
        let mut prev = GENESIS_HASH.to_string();
        let mut events = Vec::new();
        for seq in 1..=3 {
            let (mut e, _) = event(seq, &prev, "{}");
            let prev_static: &'static str = Box::leak(prev.clone().into_boxed_str());
            e.prev_hash = prev_static;
            // Keyed from event 2 on.
            let h = e.link(key, Some(2));
            prev = h.clone();
            events.push((e, h));
        }
        let mut v = ChainVerifier::keyed(key, Some(2));
        for (e, h) in &events {
            v.check(e, h).unwrap();
        }
        // Event 3 rewritten and re-hashed with plain SHA-256, as someone without the key would.
        let (mut e3, _) = events[2].clone();
        e3.details = "{\"x\":1}";
        let forged = e3.hash();
        let mut v = ChainVerifier::keyed(key, Some(2));
        v.check(&events[0].0, &events[0].1).unwrap();
        v.check(&events[1].0, &events[1].1).unwrap();
        assert_eq!(
            v.check(&e3, &forged),
            Err(ChainBreak::HashMismatch { seq: 3 })
        );
    }

    #[test]
    fn checkpoints_are_signed() {
        let key = b"checkpoint key checkpoint key 32";
        let c = Checkpoint {
            seq: 42,
            hash: "ab".repeat(32),
            at: "2026-12-02T10:00:00Z".into(),
        };
        let line = c.line(key);
        assert_eq!(Checkpoint::parse(&line, key), Some(c));
        assert_eq!(
            Checkpoint::parse(&line.replace("seq=42", "seq=41"), key),
            None
        );
        assert_eq!(
            Checkpoint::parse(&line, b"another key another key another"),
            None
        );
        assert_eq!(Checkpoint::parse("garbage", key), None);
    }

    #[test]
    fn field_boundaries_matter() {
        let (mut a, _) = event(1, GENESIS_HASH, "{}");
        let mut b = a.clone();
        a.object_type = Some("ab");
        a.object_id = Some("c");
        b.object_type = Some("a");
        b.object_id = Some("bc");
        assert_ne!(a.hash(), b.hash());
    }
}
