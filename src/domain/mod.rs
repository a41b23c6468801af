//! Pure business rules: no database, web or IO. Each rule cites its ID from DOMAIN.md.

pub mod access;
pub mod account;
pub mod admin_check;
pub mod applications;
pub mod assignment;
pub mod attachments;
pub mod audit;
pub mod award;
pub mod budget;
pub mod calls;
pub mod contracts;
pub mod corrigenda;
pub mod duties;
pub mod evaluation;
pub mod full_application;
pub mod grids;
pub mod money;
pub mod monitoring;
pub mod organisations;
pub mod partners;
pub mod programme;
pub mod selection;
pub mod text;
pub mod time;
pub mod timeline;
pub mod workflow;

/// A problem with one input field, named by the message key the user sees. The field
/// is usually a name known in advance; input checks that apply to every field (control
/// characters) name the field that was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: std::borrow::Cow<'static, str>,
    pub code: &'static str,
    /// The figures the message shows (the limit and the value that breaks it).
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str) -> FieldError {
        FieldError {
            field: std::borrow::Cow::Borrowed(field),
            code,
            args: Vec::new(),
        }
    }

    /// A problem with a field named at run time (a form field or JSON property).
    pub fn named(field: String, code: &'static str) -> FieldError {
        FieldError {
            field: std::borrow::Cow::Owned(field),
            code,
            args: Vec::new(),
        }
    }

    /// The same problem, its message showing `value` as `name`.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> FieldError {
        self.args.push((name, value.into()));
        self
    }

    /// An amount, written in the reader's format when the message is shown.
    pub fn with_money(self, name: &'static str, amount: money::Money) -> FieldError {
        self.with(name, format!("{MONEY_ARG}{}", amount.cents()))
    }
}

/// Marks a message argument that is an amount in cents (a control character: no typed
/// text carries one, the input checks refuse them).
pub const MONEY_ARG: &str = "\u{1}EUR:";

impl FieldError {}
