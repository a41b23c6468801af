//! The one write path (DESIGN "One write path"). Every state-changing use case runs
//! through `AppState::write`, which in one transaction:
//!
//! 1. reads the clock (deadlines are decided by the server's clock inside the
//!    transaction, SECURITY.md "Reliability");
//! 2. takes the lock of the aggregate whose invariant the write could break
//!    (`db::locks`), so that on PostgreSQL a second writer waits and then sees the first;
//! 3. checks the permission with its object scope (`domain::access::may`);
//! 4. runs the use case, which appends its audit event and queues its email through
//!    `Tx` (a write that records no audit event is refused as a bug, unless it says it
//!    changed nothing);
//! 5. commits, then wakes the outbox worker if mail was queued.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

use super::mail::{self, MailKind, Recipient};
use super::{audit, Actor};
use crate::db::{locks, DbConnection};
use crate::domain::access::{may, Action, Decision, Relation, Scope};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Who may run a write.
#[derive(Debug, Clone)]
pub enum Permission {
    /// Anyone, signed in or not: registration, password reset, failed-login records.
    Anyone,
    /// An action of the permission matrix on an object.
    Do(Action, Scope),
}

/// The aggregate whose invariant the write protects (see `db::locks`).
#[derive(Debug, Clone)]
pub enum Lock {
    /// The write touches rows whose own constraints are enough.
    Nothing,
    Programme(String),
    Call(String),
    /// A call and, first, its programme: publication and corrigenda spend envelopes.
    CallAndProgramme(String),
    UserDirectory,
    User(String),
    /// An applicant organisation: its record, members and invitations ("at least one
    /// owner").
    Organisation(String),
    /// A grant contract: its payments against the maximum and the 90% pre-financing
    /// cap, its reports and versions.
    Contract(String),
}

/// The open write transaction a use case works in.
pub struct Tx<'a> {
    pub conn: &'a mut DbConnection,
    /// The server's clock, read inside the transaction.
    pub now: NaiveDateTime,
    pub actor: &'a Actor,
    audit_key: [u8; 32],
    audited: usize,
    mail_queued: usize,
    unchanged: bool,
}

impl Tx<'_> {
    /// Today in Almaty.
    pub fn today(&self) -> NaiveDate {
        crate::domain::time::local_date(self.now)
    }

    /// Appends the audit event of this change.
    pub fn audit(
        &mut self,
        action: &str,
        object: Option<(&str, &str)>,
        details: Value,
    ) -> AppResult<()> {
        audit::record(
            self.conn,
            &self.audit_key,
            self.now,
            self.actor,
            action,
            object,
            details,
        )?;
        self.audited += 1;
        Ok(())
    }

    /// Queues one email in this transaction.
    pub fn mail(
        &mut self,
        to: &Recipient<'_>,
        kind: MailKind,
        args: &[(&str, String)],
    ) -> AppResult<String> {
        let id = mail::queue(self.conn, self.now, to, kind, args)?;
        self.mail_queued += 1;
        Ok(id)
    }

    /// Queues the same message to each (email, name, language), each in their language.
    pub fn mail_each(
        &mut self,
        recipients: &[(String, String, Option<String>)],
        kind: MailKind,
        args: impl Fn(crate::i18n::Lang) -> Vec<(&'static str, String)>,
    ) -> AppResult<usize> {
        let n = mail::queue_to_each(self.conn, self.now, recipients, kind, args)?;
        self.mail_queued += n;
        Ok(n)
    }

    /// Says that this run changed nothing (a refused publication, an idempotent
    /// repeat), so no audit event is expected.
    pub fn nothing_changed(&mut self) {
        self.unchanged = true;
    }
}

fn take_lock(conn: &mut DbConnection, lock: &Lock, now: NaiveDateTime) -> AppResult<()> {
    let found = match lock {
        Lock::Nothing => true,
        Lock::Programme(id) => locks::programme(conn, id)?,
        Lock::Call(id) => locks::call(conn, id)?,
        Lock::CallAndProgramme(id) => match locks::programme_of_call(conn, id)? {
            Some(programme) => locks::programme(conn, &programme)? && locks::call(conn, id)?,
            None => false,
        },
        Lock::UserDirectory => {
            locks::user_directory(conn, now)?;
            true
        }
        Lock::User(id) => locks::user(conn, id)?,
        Lock::Organisation(id) => crate::db::organisations::lock(conn, id)?,
        Lock::Contract(id) => crate::db::contracts::lock(conn, id)?,
    };
    if found {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The actor's relation to the object of a scope, as far as it is known without the
/// database.
fn relation(actor: &Actor, scope: &Scope) -> Relation {
    match scope {
        Scope::Account(id) => Relation {
            owns: actor.user_id.as_deref() == Some(id.as_str()),
            ..Relation::default()
        },
        // Committee roles and organisations arrive with applications and evaluation.
        _ => Relation::default(),
    }
}

/// The actor's seat on the committee of the scope's call, their declaration and their
/// assignment (EVC-01/02), read in the transaction that acts on them.
fn committee_relation(
    conn: &mut DbConnection,
    actor: &Actor,
    scope: &Scope,
) -> AppResult<Relation> {
    let Some(user) = actor.user_id.as_deref() else {
        return Ok(Relation::default());
    };
    let (call_id, application) = match scope {
        Scope::Call(id) => (id.clone(), None),
        Scope::Application(id) => match crate::db::applications::find(conn, id)? {
            Some(a) => (a.call_id, Some(a.id)),
            None => return Ok(Relation::default()),
        },
        _ => return Ok(Relation::default()),
    };
    use crate::db::evaluation as ev;
    let committee = ev::role_of(conn, &call_id, user)?
        .and_then(|r| crate::domain::access::CommitteeRole::parse(&r));
    // Anyone may have signed (Delegation staff who read applications do, EVC-02).
    let declared = ev::declaration(conn, &call_id, user)?.is_some();
    let assigned = match &application {
        Some(id) if committee.is_some() => {
            ev::assignments_of_application(conn, id)?.iter().any(|a| {
                a.assessor_id == user
                    && crate::domain::evaluation::AssignmentStatus::parse(&a.status)
                        .is_some_and(|s| s.is_active())
            })
        }
        _ => false,
    };
    Ok(Relation {
        committee,
        declared,
        assigned,
        ..Relation::default()
    })
}

fn decide(actor: &Actor, decision: Decision) -> AppResult<()> {
    match decision {
        Decision::Allow => Ok(()),
        Decision::Hidden => Err(AppError::NotFound),
        Decision::Forbidden if actor.role.is_none() => Err(AppError::Unauthorized),
        Decision::Forbidden => Err(AppError::Forbidden),
    }
}

/// Refuses the actor unless the permission allows them, before any database work: the
/// role, and the relations known without the database (committee seats are checked
/// by `check_permission_in`).
pub fn check_permission(actor: &Actor, permission: &Permission) -> AppResult<()> {
    match permission {
        Permission::Anyone => Ok(()),
        Permission::Do(action, _) if action.is_committee_work() => match actor.role {
            Some(role) if crate::domain::access::role_allows(role, *action) => Ok(()),
            _ => decide(actor, Decision::Forbidden),
        },
        // A contract's beneficiary is known only from the database (`check_permission_in`).
        Permission::Do(action, Scope::Contract(_)) => match actor.role {
            Some(role) if crate::domain::access::role_allows(role, *action) => Ok(()),
            _ => decide(actor, Decision::Forbidden),
        },
        Permission::Do(action, scope) => decide(
            actor,
            may(actor.role, *action, scope, &relation(actor, scope)),
        ),
    }
}

/// Whether the actor is a member of the organisation that holds the contract.
fn contract_relation(conn: &mut DbConnection, actor: &Actor, id: &str) -> AppResult<Relation> {
    let owns = match (
        actor.user_id.as_deref(),
        crate::db::contracts::find(conn, id)?,
    ) {
        (Some(user), Some(c)) => {
            crate::db::organisations::membership(conn, &c.organisation_id, user)?.is_some()
        }
        _ => false,
    };
    Ok(Relation {
        owns,
        ..Relation::default()
    })
}

/// The full check inside a transaction, with the actor's relation to the object read
/// from the database (reads of committee work use it too).
pub fn check_permission_in(
    conn: &mut DbConnection,
    actor: &Actor,
    permission: &Permission,
) -> AppResult<()> {
    match permission {
        Permission::Do(action, scope) if action.is_committee_work() => {
            let relation = committee_relation(conn, actor, scope)?;
            decide(actor, may(actor.role, *action, scope, &relation))
        }
        Permission::Do(action, scope @ Scope::Contract(id)) => {
            let relation = contract_relation(conn, actor, id)?;
            decide(actor, may(actor.role, *action, scope, &relation))
        }
        _ => check_permission(actor, permission),
    }
}

impl AppState {
    /// Runs a state-changing use case on the one write path (see the module comment).
    #[tracing::instrument(skip_all)]
    pub async fn write<T, F>(
        &self,
        actor: &Actor,
        permission: Permission,
        lock: Lock,
        f: F,
    ) -> AppResult<T>
    where
        F: FnOnce(&mut Tx<'_>) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        check_permission(actor, &permission)?;
        let clock = self.clock.clone();
        let actor = actor.clone();
        let audit_key = self.secrets.key_bytes(crate::secrets::Purpose::AuditChain);
        let (value, mail_queued) = self
            .tx(move |conn| {
                let now = clock.now();
                take_lock(conn, &lock, now)?;
                check_permission_in(conn, &actor, &permission)?;
                let mut tx = Tx {
                    conn,
                    now,
                    actor: &actor,
                    audit_key,
                    audited: 0,
                    mail_queued: 0,
                    unchanged: false,
                };
                let value = f(&mut tx)?;
                if tx.audited == 0 && !tx.unchanged {
                    return Err(AppError::Internal(anyhow::anyhow!(
                        "a write changed state without an audit event"
                    )));
                }
                Ok((value, tx.mail_queued))
            })
            .await?;
        if mail_queued > 0 {
            self.mail_wakeup.notify_one();
        }
        Ok(value)
    }
}
