//! Pure business rules: no database, web or IO. Each rule cites its ID from DOMAIN.md.

pub mod access;
pub mod account;
pub mod audit;
pub mod calls;
pub mod grids;
pub mod money;
pub mod programme;
pub mod text;
pub mod time;
pub mod timeline;
pub mod workflow;

/// A problem with one input field, named by the message key the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str) -> FieldError {
        FieldError { field, code }
    }
}
