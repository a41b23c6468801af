//! Numbers, amounts and dates in the reader's conventions. English writes "EUR 2,100,000"
//! and "21 January 2027"; Kazakh and Russian write "2 100 000 EUR" and "21 қаңтар 2027 ж." /
//! "21 января 2027 г.". No-break spaces keep an amount and its currency, or a date, on one
//! line. Dates in prose carry month names; tables keep ISO dates, which sort.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::domain::money::Money;
use crate::domain::time::to_local;
use crate::i18n::{t, t_args, Lang};

const NBSP: char = '\u{a0}';

/// An amount in euros: "EUR 2,100,000" (en), "2 100 000 EUR" (kk, ru).
pub fn money(lang: Lang, amount: Money) -> String {
    match lang {
        Lang::En => format!("EUR{NBSP}{}", amount.format_plain()),
        Lang::Kk | Lang::Ru => format!("{}{NBSP}EUR", amount.format_with(NBSP, ',')),
    }
}

/// An amount with its cents always written ("EUR 5,000.00"): where amounts are compared
/// in one sentence (a value and its limit), one format, so that the cent that breaks the
/// limit shows.
pub fn money_exact(lang: Lang, amount: Money) -> String {
    if amount.cents() % 100 != 0 {
        return money(lang, amount);
    }
    match lang {
        Lang::En => format!("EUR{NBSP}{}.00", amount.format_plain()),
        Lang::Kk | Lang::Ru => format!("{},00{NBSP}EUR", amount.format_with(NBSP, ',')),
    }
}

/// A whole number with the reader's thousands separator ("12,500" / "12 500").
pub fn number(lang: Lang, n: i64) -> String {
    let m = Money::from_cents(n.saturating_mul(100));
    match lang {
        Lang::En => m.format_plain(),
        Lang::Kk | Lang::Ru => m.format_with(NBSP, ','),
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Kazakh month names (the nominative is used after the day: "21 қаңтар").
const MONTHS_KK: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
/// Russian month names in the genitive, as a date is read ("21 января").
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A date in words: "21 January 2027", "21 қаңтар 2027 ж.", "21 января 2027 г.".
pub fn date_long(lang: Lang, d: NaiveDate) -> String {
    let month = d.month0() as usize;
    let (day, year) = (d.day(), d.year());
    match lang {
        Lang::En => format!("{day}{NBSP}{} {year}", MONTHS_EN[month]),
        Lang::Kk => format!("{day}{NBSP}{} {year}{NBSP}ж.", MONTHS_KK[month]),
        Lang::Ru => format!("{day}{NBSP}{} {year}{NBSP}г.", MONTHS_RU[month]),
    }
}

/// An instant (stored in UTC) in words and 24-hour Almaty time, labelled:
/// "21 January 2027, 18:00 Almaty time".
pub fn instant_long(lang: Lang, utc: NaiveDateTime) -> String {
    let local = to_local(utc);
    t_args(
        lang,
        "instant-long",
        &[
            ("date", date_long(lang, local.date())),
            ("time", local.format("%H:%M").to_string()),
        ],
    )
}

/// The label of Almaty time, for tables whose instants are written as ISO.
pub fn almaty_label(lang: Lang) -> String {
    t(lang, "almaty-time")
}

/// A file's size as people read it: "12 KB", "3.4 MB".
pub fn file_size(bytes: i64) -> String {
    if bytes < 1_048_576 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!(
            "{}.{} MB",
            bytes / 1_048_576,
            (bytes % 1_048_576) * 10 / 1_048_576
        )
    }
}

/// Evaluation points for people: "30.5" in English, "30,5" in Kazakh and Russian.
pub fn points(lang: Lang, c: crate::domain::evaluation::Centipoints) -> String {
    let s = crate::domain::evaluation::points_text(c);
    if lang == Lang::En {
        s
    } else {
        s.replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_follow_the_readers_conventions_and_never_break() {
        let m = Money::from_cents(210_000_050);
        assert_eq!(money(Lang::En, m), "EUR\u{a0}2,100,000.50");
        assert_eq!(money(Lang::Ru, m), "2\u{a0}100\u{a0}000,50\u{a0}EUR");
        assert_eq!(
            money(Lang::Kk, Money::euros(900_000)),
            "900\u{a0}000\u{a0}EUR"
        );
        assert!(!money(Lang::Ru, m).contains(' '), "no breaking space");
        assert_eq!(number(Lang::Ru, 12_500), "12\u{a0}500");
        assert_eq!(number(Lang::En, 12_500), "12,500");
    }

    #[test]
    fn dates_in_words_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 21).unwrap();
        assert_eq!(date_long(Lang::En, d), "21\u{a0}January 2027");
        assert_eq!(date_long(Lang::Ru, d), "21\u{a0}января 2027\u{a0}г.");
        assert_eq!(date_long(Lang::Kk, d), "21\u{a0}қаңтар 2027\u{a0}ж.");
        let dec = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert!(date_long(Lang::Ru, dec).contains("декабря"));
    }

    #[test]
    fn instants_are_shown_in_almaty_time_and_say_so() {
        // 13:00 UTC is 18:00 in Almaty (UTC+5).
        let utc = NaiveDate::from_ymd_opt(2027, 1, 21)
            .unwrap()
            .and_hms_opt(13, 0, 0)
            .unwrap();
        let en = instant_long(Lang::En, utc);
        assert!(
            en.contains("21\u{a0}January 2027") && en.contains("18:00"),
            "{en}"
        );
        assert!(en.contains("Almaty"), "{en}");
        let ru = instant_long(Lang::Ru, utc);
        assert!(ru.contains("18:00") && ru.contains("Алматы"), "{ru}");
    }
}
