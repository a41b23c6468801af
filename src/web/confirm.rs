//! One confirmation step for actions that cannot be undone (publishing a call or an
//! answer, deleting a lot, disabling an account, granting the administrator role): a page
//! that says plainly what will happen, repeats the action as a form (no JavaScript
//! needed) and offers the way back.

use actix_web::HttpResponse;
use serde::Serialize;

use super::page::Page;
use crate::error::AppResult;

#[derive(Debug, Serialize)]
pub struct Confirmation {
    /// The page title and heading ("Publish the call?").
    pub title: String,
    /// What the person is about to do, in one sentence.
    pub intro: String,
    /// What will happen, line by line.
    pub consequences: Vec<String>,
    /// Text shown as others will see it (an answer before it is published).
    pub preview: Option<String>,
    /// Where the confirmed form is posted, with its fields.
    pub action: String,
    pub hidden: Vec<(String, String)>,
    pub button: String,
    /// The button is red: the action removes or refuses something.
    pub danger: bool,
    /// The way back without doing anything.
    pub back: String,
    /// Where the same fields are posted to change them (the form shown again, filled in
    /// as typed), for confirmations of what was typed.
    pub edit: Option<String>,
}

pub fn render(page: &Page, confirmation: &Confirmation) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("c", confirmation);
    page.render("confirm.html", ctx)
}
