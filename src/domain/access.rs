//! Who may do what (DOMAIN.md §8): the global roles, the actions, and the one
//! permission matrix every route and service consults.

use serde::{Deserialize, Serialize};

/// A user's global role. Committee roles (chair, secretary, assessor) are per call and
/// come with the evaluation issue; they are not global roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Applicant,
    Evaluator,
    Delegation,
    Auditor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Applicant,
        Role::Evaluator,
        Role::Delegation,
        Role::Auditor,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Applicant => "applicant",
            Role::Evaluator => "evaluator",
            Role::Delegation => "delegation",
            Role::Auditor => "auditor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Read-only roles may look but never change business data (SECURITY.md: the
    /// auditor's every state-changing request is refused). Their own account (password,
    /// language, logout) is theirs to manage.
    pub fn is_read_only(self) -> bool {
        matches!(self, Role::Auditor)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything a route or service can ask permission for. Each web route names exactly
/// one `Access` (see `web::routes`), and each `Access::Action` is decided here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// See and change one's own account: profile, password, sessions, API tokens.
    ManageOwnAccount,
    /// Use the JSON API with a bearer token.
    UseApi,
    /// List, invite, disable, re-enable users and change their roles.
    ManageUsers,
    /// See the outbox of emails and their status.
    ViewOutbox,
    /// Browse and filter the audit log.
    ViewAuditLog,
    /// See programmes, draft calls and every clarification question (staff view).
    ViewProgrammes,
    /// Create and edit programmes, record their amendments.
    ManageProgrammes,
    /// Create, edit, publish and cancel calls, their lots, grids and guidelines.
    ManageCalls,
    /// Answer and publish clarifications (CFP-03).
    AnswerClarifications,
    /// Ask a clarification question about a call (CFP-03).
    AskClarification,
    /// Register an applicant organisation and, as its member, work for it (what each
    /// member may do in it is their role there: owner, editor, reader).
    WorkForOrganisation,
    /// See the applications a call received, with their content, and export them
    /// (committee roles per call come with the evaluation).
    ViewReceivedApplications,
    /// Record the administrative check of a received application (ADM-02), which may
    /// reject it: Delegation staff, or the committee's secretary or chair of that call.
    CheckApplications,
    /// Set up a call's evaluation committee (EVC-01).
    ManageCommittee,
    /// Sign the declaration of impartiality and confidentiality of a call where one
    /// serves on the committee (EVC-02).
    SignDeclaration,
    /// Read the content of a call's applications (and their files) after its deadline:
    /// Delegation staff, the chair and the secretary once they signed the call's
    /// declaration (EVC-02), the auditor (TL-08).
    ReadApplicationContent,
    /// Read and score an application assigned to one, after the declaration (EVC-02/03).
    ScoreApplication,
    /// Run a call's evaluation as its chair: assign assessors, resolve divergences,
    /// rank and select (EVC-03, SEL-01).
    RunEvaluation,
    /// See every score of a call's evaluation: its chair and secretary after the
    /// declaration, and the auditor (EVC-03, TL-08).
    ViewEvaluation,
    /// Record the check of an applicant's supporting documents (SEL-02): the
    /// committee's secretary or chair, after the declaration.
    CheckSupportingDocuments,
    /// Approve or return a call's evaluation report and notify its applicants (SEL-03,
    /// NOT-01).
    DecideAward,
    /// Prepare, send, amend, suspend, terminate and close grant contracts; record
    /// payments and decide on reports (DOMAIN.md §7): Delegation staff.
    ManageContracts,
    /// See grant contracts with their payments and reports: Delegation staff and the
    /// auditor all of them, a beneficiary's members their own (TL-08).
    ViewContracts,
    /// As a member of the beneficiary: countersign its contract, submit its reports,
    /// request amendments (CON-01, REP-01, AMD-01).
    WorkOnContract,
}

impl Action {
    pub const ALL: [Action; 24] = [
        Action::ManageOwnAccount,
        Action::UseApi,
        Action::ManageUsers,
        Action::ViewOutbox,
        Action::ViewAuditLog,
        Action::ViewProgrammes,
        Action::ManageProgrammes,
        Action::ManageCalls,
        Action::AnswerClarifications,
        Action::AskClarification,
        Action::WorkForOrganisation,
        Action::ViewReceivedApplications,
        Action::CheckApplications,
        Action::ReadApplicationContent,
        Action::ManageCommittee,
        Action::SignDeclaration,
        Action::ScoreApplication,
        Action::RunEvaluation,
        Action::ViewEvaluation,
        Action::DecideAward,
        Action::CheckSupportingDocuments,
        Action::ManageContracts,
        Action::ViewContracts,
        Action::WorkOnContract,
    ];

    /// Actions decided by the actor's seat on a call's committee (loaded from the
    /// database inside the transaction), not by the global role alone.
    pub fn is_committee_work(self) -> bool {
        matches!(
            self,
            Action::SignDeclaration
                | Action::ScoreApplication
                | Action::RunEvaluation
                | Action::ViewEvaluation
                | Action::CheckSupportingDocuments
                | Action::CheckApplications
                | Action::ReadApplicationContent
        )
    }
}

/// The permission matrix: role × action. The single place that says who may do what.
pub fn role_allows(role: Role, action: Action) -> bool {
    use Action::*;
    use Role::*;
    match action {
        ManageOwnAccount | UseApi => true,
        ManageUsers | ViewOutbox => matches!(role, Admin),
        ViewAuditLog => matches!(role, Admin | Auditor),
        ViewProgrammes | ViewReceivedApplications => matches!(role, Delegation | Auditor),
        ManageProgrammes | ManageCalls | AnswerClarifications => {
            matches!(role, Delegation)
        }
        AskClarification | WorkForOrganisation => matches!(role, Applicant),
        ManageCommittee | DecideAward | ManageContracts => matches!(role, Delegation),
        ViewContracts => matches!(role, Delegation | Auditor | Applicant),
        WorkOnContract => matches!(role, Applicant),
        // Committee seats go to evaluators and Delegation staff; the seat decides.
        SignDeclaration | ScoreApplication | RunEvaluation | CheckSupportingDocuments => {
            matches!(role, Evaluator | Delegation)
        }
        ViewEvaluation | ReadApplicationContent => matches!(role, Evaluator | Delegation | Auditor),
        // ADM-02: Delegation staff, or the committee's secretary or chair (their seat decides).
        CheckApplications => matches!(role, Evaluator | Delegation),
    }
}

/// What a route requires before its handler runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (home page, login form, health check).
    Public,
    /// Any signed-in, enabled user.
    SignedIn,
    /// A signed-in user whose role allows the action.
    Action(Action),
}

impl Access {
    /// Whether `role` (None = anonymous) passes this requirement.
    pub fn allows(self, role: Option<Role>) -> bool {
        match (self, role) {
            (Access::Public, _) => true,
            (_, None) => false,
            (Access::SignedIn, Some(_)) => true,
            (Access::Action(action), Some(role)) => role_allows(role, action),
        }
    }
}

/// What an action is about. A role says what a person may do in general; the scope
/// narrows it to one object, and the person's relation to that object decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The portal as a whole: programmes, calls as staff manage them, user accounts.
    Portal,
    /// One call (committee roles are per call, EVC-01).
    Call(String),
    /// One application (an applicant sees only their organisation's).
    Application(String),
    /// One grant contract.
    Contract(String),
    /// One person's own account.
    Account(String),
}

/// A person's role on one call's evaluation committee (EVC-01): per call, never global.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitteeRole {
    Chair,
    Secretary,
    Evaluator,
    /// The replacement evaluator (EVC-01): scores when the chair replaces someone.
    Replacement,
    Assessor,
    Observer,
}

/// What the portal knows of the actor's relation to the object of a scope, loaded in
/// the same transaction as the write it guards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relation {
    /// The object is the actor's own (their account, their organisation's application).
    pub owns: bool,
    /// The actor's committee role on the call the object belongs to.
    pub committee: Option<CommitteeRole>,
    /// The actor signed that call's declaration of impartiality (EVC-02).
    pub declared: bool,
    /// The application is assigned to the actor, and they have not declared a conflict
    /// or been replaced on it.
    pub assigned: bool,
}

/// The answer of `may`: refused openly, or hidden (another organisation's object is a
/// 404, SECURITY.md "Object level").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Forbidden,
    Hidden,
}

/// The scoped permission check: role × action (the matrix above), then the relation to
/// the object where the scope names one. The single place that says who may do what
/// to which object.
pub fn may(role: Option<Role>, action: Action, scope: &Scope, relation: &Relation) -> Decision {
    let Some(role) = role else {
        return Decision::Forbidden;
    };
    if !role_allows(role, action) {
        return Decision::Forbidden;
    }
    if action.is_committee_work() {
        return committee_decision(role, action, relation);
    }
    match (action, scope) {
        // One's own account is nobody else's business: not even its existence.
        (Action::ManageOwnAccount | Action::UseApi, Scope::Account(_)) if !relation.owns => {
            Decision::Hidden
        }
        // Applications and contracts belong to their organisation; staff roles reach
        // them through their role, applicants only through ownership.
        (_, Scope::Application(_) | Scope::Contract(_))
            if role == Role::Applicant && !relation.owns =>
        {
            Decision::Hidden
        }
        _ => Decision::Allow,
    }
}

/// EVC-02: committee work needs a seat on the call's committee and, for anything
/// beyond the declaration itself, the signed declaration; everyone else is shown
/// nothing (404), so that an application's existence does not leak.
fn committee_decision(role: Role, action: Action, relation: &Relation) -> Decision {
    let seat = relation.committee;
    let allowed = match action {
        // Delegation staff who open, check or read applications sign too (EVC-02).
        Action::SignDeclaration => seat.is_some() || role == Role::Delegation,
        Action::ScoreApplication => {
            seat.is_some_and(CommitteeRole::scores) && relation.declared && relation.assigned
        }
        Action::RunEvaluation => seat == Some(CommitteeRole::Chair) && relation.declared,
        Action::CheckSupportingDocuments => {
            seat.is_some_and(CommitteeRole::sees_all_scores) && relation.declared
        }
        // Delegation staff record the check without a seat (before a committee exists),
        // once they signed the call's declaration like the committee (EVC-02).
        Action::CheckApplications | Action::ReadApplicationContent => {
            (action == Action::ReadApplicationContent && role == Role::Auditor)
                || (role == Role::Delegation && relation.declared)
                || (seat.is_some_and(CommitteeRole::sees_all_scores) && relation.declared)
        }
        Action::ViewEvaluation => {
            role == Role::Auditor
                || (seat.is_some_and(CommitteeRole::sees_all_scores) && relation.declared)
        }
        _ => false,
    };
    if allowed {
        Decision::Allow
    } else {
        Decision::Hidden
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("chair"), None);
        assert_eq!(Role::parse("Admin"), None);
    }

    #[test]
    fn only_admins_manage_users_and_see_the_outbox() {
        for role in Role::ALL {
            assert_eq!(role_allows(role, Action::ManageUsers), role == Role::Admin);
            assert_eq!(role_allows(role, Action::ViewOutbox), role == Role::Admin);
        }
    }

    #[test]
    fn auditors_and_admins_read_the_audit_log() {
        for role in Role::ALL {
            assert_eq!(
                role_allows(role, Action::ViewAuditLog),
                matches!(role, Role::Admin | Role::Auditor)
            );
        }
    }

    #[test]
    fn everyone_signed_in_manages_their_own_account() {
        for role in Role::ALL {
            assert!(role_allows(role, Action::ManageOwnAccount));
            assert!(role_allows(role, Action::UseApi));
        }
    }

    #[test]
    fn anonymous_passes_only_public_access() {
        assert!(Access::Public.allows(None));
        assert!(!Access::SignedIn.allows(None));
        for action in Action::ALL {
            assert!(!Access::Action(action).allows(None));
        }
    }

    #[test]
    fn delegation_manages_programmes_and_calls_and_the_auditor_only_reads() {
        for role in Role::ALL {
            for action in [
                Action::ManageProgrammes,
                Action::ManageCalls,
                Action::AnswerClarifications,
            ] {
                assert_eq!(role_allows(role, action), role == Role::Delegation);
            }
            assert_eq!(
                role_allows(role, Action::ViewProgrammes),
                matches!(role, Role::Delegation | Role::Auditor)
            );
            assert_eq!(
                role_allows(role, Action::AskClarification),
                role == Role::Applicant
            );
        }
    }

    #[test]
    fn scoped_checks_hide_other_peoples_objects() {
        let mine = Relation {
            owns: true,
            ..Relation::default()
        };
        let theirs = Relation::default();
        let account = Scope::Account("u1".into());
        for role in Role::ALL {
            assert_eq!(
                may(Some(role), Action::ManageOwnAccount, &account, &mine),
                Decision::Allow
            );
            assert_eq!(
                may(Some(role), Action::ManageOwnAccount, &account, &theirs),
                Decision::Hidden
            );
        }
        assert_eq!(
            may(None, Action::ManageOwnAccount, &account, &mine),
            Decision::Forbidden
        );
        let application = Scope::Application("a1".into());
        assert_eq!(
            may(
                Some(Role::Applicant),
                Action::ManageOwnAccount,
                &application,
                &theirs
            ),
            Decision::Hidden
        );
        assert_eq!(
            may(
                Some(Role::Delegation),
                Action::ManageCalls,
                &Scope::Call("c".into()),
                &theirs
            ),
            Decision::Allow
        );
        assert_eq!(
            may(
                Some(Role::Auditor),
                Action::ManageCalls,
                &Scope::Portal,
                &theirs
            ),
            Decision::Forbidden
        );
    }

    #[test]
    fn evc_02_whoever_reads_or_checks_applications_signed_the_declaration() {
        let call = Scope::Call("c".into());
        let declared = Relation {
            declared: true,
            ..Relation::default()
        };
        let none = Relation::default();
        for action in [Action::ReadApplicationContent, Action::CheckApplications] {
            // Delegation staff: only after signing, seat or not.
            assert_eq!(
                may(Some(Role::Delegation), action, &call, &none),
                Decision::Hidden
            );
            assert_eq!(
                may(Some(Role::Delegation), action, &call, &declared),
                Decision::Allow
            );
            // The committee's chair and secretary after signing; other seats never.
            for (seat, allowed) in [
                (CommitteeRole::Chair, true),
                (CommitteeRole::Secretary, true),
                (CommitteeRole::Evaluator, false),
                (CommitteeRole::Observer, false),
            ] {
                let signed = Relation {
                    committee: Some(seat),
                    declared: true,
                    ..Relation::default()
                };
                let unsigned = Relation {
                    committee: Some(seat),
                    ..Relation::default()
                };
                assert_eq!(
                    may(Some(Role::Evaluator), action, &call, &signed) == Decision::Allow,
                    allowed
                );
                assert_eq!(
                    may(Some(Role::Evaluator), action, &call, &unsigned),
                    Decision::Hidden
                );
            }
            assert_ne!(
                may(Some(Role::Applicant), action, &call, &declared),
                Decision::Allow
            );
            assert_ne!(
                may(Some(Role::Admin), action, &call, &declared),
                Decision::Allow
            );
        }
        // The auditor reads (TL-08) but checks nothing.
        assert_eq!(
            may(
                Some(Role::Auditor),
                Action::ReadApplicationContent,
                &call,
                &none
            ),
            Decision::Allow
        );
        assert_ne!(
            may(Some(Role::Auditor), Action::CheckApplications, &call, &none),
            Decision::Allow
        );
    }

    #[test]
    fn evc_02_committee_work_needs_the_seat_the_declaration_and_the_assignment() {
        let call = Scope::Call("c".into());
        let app = Scope::Application("a".into());
        let seat = |r: CommitteeRole, declared: bool, assigned: bool| Relation {
            committee: Some(r),
            declared,
            assigned,
            ..Relation::default()
        };
        let none = Relation::default();
        for role in [Role::Evaluator, Role::Delegation] {
            let r = Some(role);
            // Delegation staff sign without a seat, to open, check and read (EVC-02).
            assert_eq!(
                may(r, Action::SignDeclaration, &call, &none),
                if role == Role::Delegation {
                    Decision::Allow
                } else {
                    Decision::Hidden
                }
            );
            assert_eq!(
                may(
                    r,
                    Action::SignDeclaration,
                    &call,
                    &seat(CommitteeRole::Observer, false, false)
                ),
                Decision::Allow
            );
            // Assigned but not declared; declared but not assigned: nothing shown.
            let a = CommitteeRole::Assessor;
            assert_eq!(
                may(r, Action::ScoreApplication, &app, &seat(a, false, true)),
                Decision::Hidden
            );
            assert_eq!(
                may(r, Action::ScoreApplication, &app, &seat(a, true, false)),
                Decision::Hidden
            );
            assert_eq!(
                may(r, Action::ScoreApplication, &app, &seat(a, true, true)),
                Decision::Allow
            );
            // An observer never scores, a chair never scores.
            for other in [
                CommitteeRole::Observer,
                CommitteeRole::Chair,
                CommitteeRole::Secretary,
            ] {
                assert_eq!(
                    may(r, Action::ScoreApplication, &app, &seat(other, true, true)),
                    Decision::Hidden
                );
            }
            let chair = CommitteeRole::Chair;
            assert_eq!(
                may(r, Action::RunEvaluation, &call, &seat(chair, true, false)),
                Decision::Allow
            );
            assert_eq!(
                may(r, Action::RunEvaluation, &call, &seat(chair, false, false)),
                Decision::Hidden
            );
            assert_eq!(
                may(
                    r,
                    Action::RunEvaluation,
                    &call,
                    &seat(CommitteeRole::Secretary, true, false)
                ),
                Decision::Hidden
            );
            assert_eq!(
                may(
                    r,
                    Action::ViewEvaluation,
                    &call,
                    &seat(CommitteeRole::Secretary, true, false)
                ),
                Decision::Allow
            );
            assert_eq!(
                may(
                    r,
                    Action::ViewEvaluation,
                    &call,
                    &seat(CommitteeRole::Evaluator, true, true)
                ),
                Decision::Hidden
            );
        }
        // The auditor reads every evaluation and does nothing else in it.
        assert_eq!(
            may(Some(Role::Auditor), Action::ViewEvaluation, &call, &none),
            Decision::Allow
        );
        assert_eq!(
            may(
                Some(Role::Auditor),
                Action::ScoreApplication,
                &app,
                &seat(CommitteeRole::Assessor, true, true)
            ),
            Decision::Forbidden
        );
        // Applicants and administrators hold no seat whatever the table says (DOMAIN §8).
        for role in [Role::Applicant, Role::Admin] {
            assert_eq!(
                may(
                    Some(role),
                    Action::ScoreApplication,
                    &app,
                    &seat(CommitteeRole::Assessor, true, true)
                ),
                Decision::Forbidden
            );
        }
        assert!(role_allows(Role::Delegation, Action::ManageCommittee));
        assert!(!role_allows(Role::Evaluator, Action::ManageCommittee));
    }

    #[test]
    fn only_the_auditor_is_read_only() {
        for role in Role::ALL {
            assert_eq!(role.is_read_only(), role == Role::Auditor);
        }
    }
}
