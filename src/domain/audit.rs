//! The audit trail's hash chain (TL-08, SECURITY.md "Errors and logs"): each event's hash
//! covers its own fields and the previous event's hash, so an edited, inserted or
//! removed row breaks the chain from that point on.

use sha2::{Digest, Sha256};

/// The `prev_hash` of the very first event.
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
    /// SHA-256 (hex) over every field, each length-prefixed so that no two different
    /// events can produce the same byte stream.
    pub fn hash(&self) -> String {
        let mut h = Sha256::new();
        let mut field = |value: Option<&str>| match value {
            None => h.update(b"-1:"),
            Some(v) => {
                h.update(v.len().to_string().as_bytes());
                h.update(b":");
                h.update(v.as_bytes());
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
        hex::encode(h.finalize())
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
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainBreak::HashMismatch { seq } => write!(f, "event #{seq} was altered (its hash does not match its content)"),
            ChainBreak::LinkBroken { seq } => write!(f, "event #{seq} does not follow the previous event (an event before it was altered or removed)"),
            ChainBreak::Gap { expected, found } => write!(f, "event #{expected} is missing (next present is #{found})"),
            ChainBreak::HeadMismatch { head_seq, last_seq } => write!(f, "the chain head names event #{head_seq} but the last event is #{last_seq} (events were removed from the end)"),
        }
    }
}

/// Incremental verifier, so events can be streamed in pages in `seq` order.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    expected_seq: i64,
    prev_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier {
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_string(),
        }
    }
}

impl ChainVerifier {
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
        if event.hash() != stored_hash {
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
