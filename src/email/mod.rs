//! Sending email with lettre: `.eml` files (default), SMTP, or an in-memory mailbox
//! for tests. Only the outbox worker sends; requests never wait for a mail server.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use lettre::message::{header::ContentType, Mailbox};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailSettings, MailTransportKind, SmtpTls};

/// A message as the memory transport keeps it.
#[derive(Debug, Clone)]
pub struct SentMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, Default)]
pub struct MemoryMailbox(Arc<Mutex<Vec<SentMail>>>);

impl MemoryMailbox {
    pub fn all(&self) -> Vec<SentMail> {
        self.0.lock().map(|m| m.clone()).unwrap_or_default()
    }
    fn push(&self, mail: SentMail) {
        if let Ok(mut m) = self.0.lock() {
            m.push(mail);
        }
    }
}

pub enum Mailer {
    File(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Memory(MemoryMailbox),
}

/// An outgoing message, already rendered.
pub struct Outgoing<'a> {
    pub to_email: &'a str,
    pub to_name: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
}

impl Mailer {
    pub fn from_settings(
        s: &MailSettings,
        data_dir: &std::path::Path,
        memory: Option<MemoryMailbox>,
    ) -> anyhow::Result<Mailer> {
        Ok(match s.transport {
            MailTransportKind::File => {
                let dir = s.file_dir_in(data_dir);
                std::fs::create_dir_all(&dir)?;
                Mailer::File(AsyncFileTransport::new(&dir))
            }
            MailTransportKind::Memory => Mailer::Memory(memory.unwrap_or_default()),
            MailTransportKind::Smtp => {
                let builder = match s.smtp_tls {
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&s.smtp_host)?,
                    SmtpTls::Starttls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&s.smtp_host)?
                    }
                    SmtpTls::None => {
                        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.smtp_host)
                    }
                };
                let mut builder = builder
                    .port(s.smtp_port)
                    .timeout(Some(Duration::from_secs(s.smtp_timeout_seconds)));
                if !s.smtp_username.is_empty() {
                    builder = builder.credentials(Credentials::new(
                        s.smtp_username.clone(),
                        s.smtp_password.clone(),
                    ));
                }
                Mailer::Smtp(builder.build())
            }
        })
    }

    pub async fn send(&self, from: &str, mail: &Outgoing<'_>) -> anyhow::Result<()> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| anyhow::anyhow!("invalid mail.from: {e}"))?;
        // Control characters cannot reach a header: names are validated on input and
        // lettre encodes header values; strip any that slipped through anyway.
        let name: String = mail.to_name.chars().filter(|c| !c.is_control()).collect();
        let to = Mailbox::new(Some(name), mail.to_email.parse()?);
        let subject: String = mail.subject.chars().filter(|c| !c.is_control()).collect();
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body_text.to_string())?;
        match self {
            Mailer::File(t) => {
                t.send(message).await?;
            }
            Mailer::Smtp(t) => {
                t.send(message).await?;
            }
            Mailer::Memory(m) => m.push(SentMail {
                to: mail.to_email.to_string(),
                subject,
                body: mail.body_text.to_string(),
            }),
        }
        Ok(())
    }
}
