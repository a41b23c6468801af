//! Every CSV the portal writes (SECURITY.md "Exports"): one writer, UTF-8 with a
//! byte-order mark (spreadsheets then read Kazakh and Russian letters), and every cell a
//! spreadsheet would read as a formula written as text.

use crate::error::{AppError, AppResult};

/// A text a spreadsheet would read as a formula ("=HYPERLINK(…)" typed by an applicant
/// or as an account's name) is written as text; a plain number stays a number.
pub fn neutralised(cell: &str) -> String {
    let number = cell.parse::<f64>().is_ok() && !cell.starts_with(['+', ' ']);
    if !number && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// A CSV document being written.
pub struct Csv(csv::Writer<Vec<u8>>);

impl Csv {
    /// A document with its header row.
    pub fn new<S: AsRef<str>>(header: impl IntoIterator<Item = S>) -> AppResult<Csv> {
        let mut csv = Csv(csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]));
        csv.row(header)?;
        Ok(csv)
    }

    /// One row, each cell neutralised.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> AppResult<()> {
        self.0
            .write_record(cells.into_iter().map(|c| neutralised(c.as_ref())))
            .map_err(|e| AppError::Internal(e.into()))
    }

    pub fn into_bytes(self) -> AppResult<Vec<u8>> {
        self.0
            .into_inner()
            .map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))
    }

    /// The document as a download named `file_name`.
    pub fn response(self, file_name: &str) -> AppResult<actix_web::HttpResponse> {
        use actix_web::http::header;
        Ok(actix_web::HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
            .insert_header((
                header::CONTENT_DISPOSITION,
                crate::services::uploads::content_disposition(file_name),
            ))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(self.into_bytes()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_as_text_and_numbers_stay_numbers() {
        for formula in [
            "=cmd|'/ccalc'!a0@t3",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(neutralised(formula).starts_with('\''), "{formula}");
        }
        assert_eq!(neutralised("-12.50"), "-12.50");
        assert_eq!(neutralised("1500.00"), "1500.00");
        assert_eq!(neutralised("Aral"), "Aral");
        let mut csv = Csv::new(["a", "b"]).unwrap();
        csv.row(["=1+1", "ok"]).unwrap();
        let text = String::from_utf8(csv.into_bytes().unwrap()).unwrap();
        assert!(
            text.starts_with('\u{feff}') && text.contains("'=1+1,ok"),
            "{text}"
        );
    }
}
