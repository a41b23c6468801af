//! The portal's own secret key, kept outside the database (a setting, or a file in the
//! data folder created once, like the session key). Someone with write access to the
//! database alone cannot forge what it protects: the audit chain's HMAC and its signed
//! checkpoints, the keyed hashes recorded for failed sign-ins, and the encryption of
//! second-factor secrets. Each use gets its own key derived from the master key.

use std::path::Path;

use anyhow::Context as _;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// What a derived key is for (its label is part of the derivation).
#[derive(Debug, Clone, Copy)]
pub enum Purpose {
    AuditChain,
    AuditCheckpoint,
    TypedLoginSubject,
    SecondFactorSecrets,
}

impl Purpose {
    fn label(self) -> &'static [u8] {
        match self {
            Purpose::AuditChain => b"kazlod audit chain v1",
            Purpose::AuditCheckpoint => b"kazlod audit checkpoint v1",
            Purpose::TypedLoginSubject => b"kazlod typed login subject v1",
            Purpose::SecondFactorSecrets => b"kazlod second factor secrets v1",
        }
    }
}

#[derive(Clone)]
pub struct Secrets {
    master: [u8; 32],
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secrets(..)")
    }
}

impl Secrets {
    pub fn from_bytes(master: [u8; 32]) -> Secrets {
        Secrets { master }
    }

    /// From the setting (base64 of at least 32 bytes), else `<data>/secret.key`, created
    /// once with 32 random bytes readable by the portal's user only.
    pub fn load(setting: &str, data_dir: &Path) -> anyhow::Result<Secrets> {
        let b64 = base64::engine::general_purpose::STANDARD;
        let from_bytes = |bytes: Vec<u8>| -> anyhow::Result<Secrets> {
            anyhow::ensure!(
                bytes.len() >= 32,
                "the secret key must hold at least 32 bytes"
            );
            // A longer key is folded into 32 bytes.
            let digest = <Sha256 as sha2::Digest>::digest(&bytes);
            Ok(Secrets::from_bytes(digest.into()))
        };
        if !setting.trim().is_empty() {
            return from_bytes(
                b64.decode(setting.trim())
                    .context("security.secret_key is not base64")?,
            );
        }
        let path = data_dir.join("secret.key");
        if let Ok(text) = std::fs::read_to_string(&path) {
            return from_bytes(
                b64.decode(text.trim())
                    .context("secret.key is not base64")?,
            );
        }
        std::fs::create_dir_all(data_dir)?;
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        crate::write_private_file(&path, &b64.encode(bytes))?;
        from_bytes(bytes.to_vec())
    }

    /// The derived key for `purpose` (for computations that take raw key bytes).
    pub fn key_bytes(&self, purpose: Purpose) -> [u8; 32] {
        self.key(purpose)
    }

    fn key(&self, purpose: Purpose) -> [u8; 32] {
        let mut mac =
            <HmacSha256 as Mac>::new_from_slice(&self.master).expect("HMAC takes any key length");
        mac.update(purpose.label());
        mac.finalize().into_bytes().into()
    }

    /// HMAC-SHA256 (hex) of `data` under the key for `purpose`.
    pub fn mac_hex(&self, purpose: Purpose, data: &[u8]) -> String {
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.key(purpose))
            .expect("HMAC takes any key length");
        mac.update(data);
        hex::encode(mac.finalize().into_bytes())
    }

    /// Whether `tag` (hex) is the HMAC of `data`, compared in constant time.
    pub fn verify_mac_hex(&self, purpose: Purpose, data: &[u8], tag: &str) -> bool {
        let Ok(tag) = hex::decode(tag) else {
            return false;
        };
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.key(purpose))
            .expect("HMAC takes any key length");
        mac.update(data);
        mac.verify_slice(&tag).is_ok()
    }

    /// Encrypts a small secret for storage (XChaCha20-Poly1305, random nonce), as base64.
    pub fn seal(&self, purpose: Purpose, plaintext: &[u8]) -> anyhow::Result<String> {
        let cipher = XChaCha20Poly1305::new(&self.key(purpose).into());
        let mut nonce = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = cipher
            .encrypt(XNonce::from_slice(&nonce), plaintext)
            .map_err(|_| anyhow::anyhow!("encryption failed"))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(base64::engine::general_purpose::STANDARD.encode(out))
    }

    /// Decrypts what `seal` produced; an error when it was altered or sealed with
    /// another key.
    pub fn open(&self, purpose: Purpose, sealed: &str) -> anyhow::Result<Vec<u8>> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(sealed)
            .context("sealed value is not base64")?;
        anyhow::ensure!(bytes.len() > 24, "sealed value too short");
        let (nonce, ciphertext) = bytes.split_at(24);
        XChaCha20Poly1305::new(&self.key(purpose).into())
            .decrypt(XNonce::from_slice(nonce), ciphertext)
            .map_err(|_| anyhow::anyhow!("sealed value cannot be opened with this key"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_keys_differ_and_macs_verify() {
        let s = Secrets::from_bytes([7; 32]);
        let a = s.mac_hex(Purpose::AuditChain, b"x");
        assert_ne!(a, s.mac_hex(Purpose::AuditCheckpoint, b"x"));
        assert!(s.verify_mac_hex(Purpose::AuditChain, b"x", &a));
        assert!(!s.verify_mac_hex(Purpose::AuditChain, b"y", &a));
        assert!(!Secrets::from_bytes([8; 32]).verify_mac_hex(Purpose::AuditChain, b"x", &a));
    }

    #[test]
    fn sealed_secrets_open_only_with_the_same_key_and_unaltered() {
        let s = Secrets::from_bytes([1; 32]);
        let sealed = s
            .seal(Purpose::SecondFactorSecrets, b"totp secret")
            .unwrap();
        assert_eq!(
            s.open(Purpose::SecondFactorSecrets, &sealed).unwrap(),
            b"totp secret"
        );
        assert!(Secrets::from_bytes([2; 32])
            .open(Purpose::SecondFactorSecrets, &sealed)
            .is_err());
        let mut tampered = base64::engine::general_purpose::STANDARD
            .decode(&sealed)
            .unwrap();
        *tampered.last_mut().unwrap() ^= 1;
        let tampered = base64::engine::general_purpose::STANDARD.encode(tampered);
        assert!(s.open(Purpose::SecondFactorSecrets, &tampered).is_err());
    }

    #[test]
    fn the_key_file_is_created_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = Secrets::load("", dir.path()).unwrap();
        let b = Secrets::load("", dir.path()).unwrap();
        assert_eq!(
            a.mac_hex(Purpose::AuditChain, b"x"),
            b.mac_hex(Purpose::AuditChain, b"x")
        );
        assert!(Secrets::load("c2hvcnQ=", dir.path()).is_err());
    }
}
