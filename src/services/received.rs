//! The applications a call received, as the Delegation (and the auditor, read-only) see
//! them: filtered, sorted, paged, with counts and the total requested against each
//! lot's envelope, and the same list as CSV or XLSX. A fixed number of queries whatever
//! the number of applications.

use std::collections::HashMap;

use crate::db::applications::{self as q, ReceivedFilter, ReceivedRow, ReceivedSort};
use crate::db::calls::{self as call_q, LotRow};
use crate::db::DbConnection;
use crate::domain::access::Action;
use crate::error::{AppError, AppResult};
use crate::services::calls::Call;
use crate::services::Actor;
use crate::state::AppState;

/// Rows per page of the list.
pub const PAGE_SIZE: i64 = 50;
/// The most rows an export holds (far above any call; a guard, not a limit in practice).
pub const EXPORT_MAX: i64 = 100_000;

/// One lot's figures: received applications by status and the EU contribution the
/// submitted ones request, against the lot's envelope.
#[derive(Debug, Clone, Default)]
pub struct LotFigures {
    pub by_status: HashMap<String, i64>,
    pub requested_cents: i64,
}

pub struct Received {
    pub call: Call,
    pub lots: Vec<LotRow>,
    pub rows: Vec<ReceivedRow>,
    pub total: i64,
    pub figures: HashMap<String, LotFigures>,
}

#[tracing::instrument(skip_all)]
pub async fn received(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    filter: ReceivedFilter,
    sort: ReceivedSort,
    offset: i64,
    limit: i64,
) -> AppResult<Received> {
    actor.require(Action::ViewReceivedApplications)?;
    state
        .db(move |conn| received_on(conn, &call_id, &filter, sort, offset, limit))
        .await
}

/// The list on one connection: five queries (call, lots, count, page, totals), however
/// many applications the call received (a test counts them).
pub fn received_on(
    conn: &mut DbConnection,
    call_id: &str,
    filter: &ReceivedFilter,
    sort: ReceivedSort,
    offset: i64,
    limit: i64,
) -> AppResult<Received> {
    let call = Call::from_row(call_q::find(conn, call_id)?.ok_or(AppError::NotFound)?)?;
    let lots = call_q::lots_of(conn, call_id)?;
    let (rows, total) = q::received(conn, call_id, filter, sort, offset, limit)?;
    let mut figures: HashMap<String, LotFigures> = HashMap::new();
    for (lot, status, count, sum) in q::received_totals(conn, call_id)? {
        let f = figures.entry(lot).or_default();
        f.by_status.insert(status.clone(), count);
        if status == "submitted" {
            f.requested_cents += sum.unwrap_or(0);
        }
    }
    Ok(Received {
        call,
        lots,
        rows,
        total,
        figures,
    })
}
