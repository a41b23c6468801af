//! Every input is checked once, in the guard, before any handler sees it: form fields,
//! JSON strings (and keys), path segments and query values must be valid UTF-8 without
//! control characters (line breaks and tabs excepted). PostgreSQL cannot store NUL at
//! all and SQLite would keep it; either way the answer is the same field error naming
//! the field, on both databases.

use std::borrow::Cow;

use percent_encoding::percent_decode;

use crate::domain::text::has_forbidden_characters;
use crate::domain::FieldError;
use crate::error::AppError;

const CODE: &str = "error-control-characters";

fn refuse(field: &str) -> AppError {
    // The name itself may be hostile: keep what can be shown.
    let shown: String = field.chars().filter(|c| !c.is_control()).take(60).collect();
    AppError::Validation(vec![FieldError::named(shown, CODE)])
}

/// Decodes one `application/x-www-form-urlencoded` component strictly: `+` is a space,
/// percent escapes must form UTF-8.
fn decode_component(raw: &[u8]) -> Result<String, ()> {
    let plus_as_space: Vec<u8> = raw
        .iter()
        .map(|b| if *b == b'+' { b' ' } else { *b })
        .collect();
    let bytes: Cow<[u8]> = percent_decode(&plus_as_space).into();
    String::from_utf8(bytes.into_owned()).map_err(|_| ())
}

/// Reads a url-encoded body (or query string) into pairs, refusing invalid UTF-8 and
/// control characters with a field error naming the field.
pub fn decode_pairs(body: &[u8]) -> Result<Vec<(String, String)>, AppError> {
    let mut pairs = Vec::new();
    for part in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = match part.iter().position(|b| *b == b'=') {
            Some(i) => (&part[..i], &part[i + 1..]),
            None => (part, &b""[..]),
        };
        let key =
            decode_component(raw_key).map_err(|_| AppError::BadRequest("error-invalid-form"))?;
        if key.chars().any(char::is_control) {
            return Err(AppError::BadRequest("error-invalid-form"));
        }
        let value = decode_component(raw_value).map_err(|_| refuse(&key))?;
        if has_forbidden_characters(&value) {
            return Err(refuse(&key));
        }
        pairs.push((key, value));
    }
    Ok(pairs)
}

/// Walks a JSON document; the first string (or key) holding a forbidden character is
/// refused with its path (`envelopes[0].label`).
pub fn check_json(body: &[u8]) -> Result<(), AppError> {
    if body.is_empty() {
        return Ok(());
    }
    // Malformed JSON is the extractor's to refuse (400), with its own message.
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Ok(());
    };
    match first_bad_string(&value, String::new()) {
        Some(path) => Err(refuse(if path.is_empty() { "body" } else { &path })),
        None => Ok(()),
    }
}

fn first_bad_string(value: &serde_json::Value, path: String) -> Option<String> {
    match value {
        serde_json::Value::String(s) if has_forbidden_characters(s) => Some(path),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| first_bad_string(v, format!("{path}[{i}]"))),
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            let child = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            if has_forbidden_characters(k) {
                Some(child)
            } else {
                first_bad_string(v, child)
            }
        }),
        _ => None,
    }
}

/// A path (ids, file names) is only ever looked up: one that decodes to a control
/// character or to invalid UTF-8 names nothing.
pub fn path_is_clean(path: &str) -> bool {
    percent_decode(path.as_bytes())
        .decode_utf8()
        .is_ok_and(|p| !p.chars().any(char::is_control))
}

/// Reads a multipart form with one file part (`file`) and the named text parts, each
/// bounded: the file by the document limit (a larger one is a field error at `file`),
/// a text part by 4 KiB. Unknown parts are refused, as in every form; text parts are
/// checked like any other input.
pub async fn read_multipart(
    mut payload: actix_multipart::Multipart,
    text_fields: &[&str],
) -> Result<(Vec<(String, String)>, Option<(String, Vec<u8>)>), AppError> {
    use futures_util::StreamExt;
    let mut fields = Vec::new();
    let mut file = None;
    while let Some(part) = payload.next().await {
        let mut part = part.map_err(|_| AppError::BadRequest("error-invalid-form"))?;
        let name = part.name().unwrap_or("").to_string();
        let is_file = name == "file";
        if !is_file && !text_fields.contains(&name.as_str()) {
            return Err(AppError::BadRequest("error-invalid-form"));
        }
        let file_name = part
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_string);
        let limit = if is_file {
            crate::services::uploads::MAX_DOCUMENT_BYTES + 1
        } else {
            4096
        };
        let mut data = Vec::new();
        while let Some(chunk) = part.next().await {
            let chunk = chunk.map_err(|_| AppError::BadRequest("error-invalid-form"))?;
            if data.len() + chunk.len() > limit {
                return Err(if is_file {
                    AppError::field("file", "error-upload-too-large")
                } else {
                    AppError::BadRequest("error-invalid-form")
                });
            }
            data.extend_from_slice(&chunk);
        }
        if is_file {
            file = Some((file_name.unwrap_or_default(), data)).filter(|(n, _)| !n.is_empty());
        } else {
            let text = String::from_utf8(data).map_err(|_| refuse(&name))?;
            if has_forbidden_characters(&text) {
                return Err(refuse(&name));
            }
            fields.push((name, text));
        }
    }
    Ok((fields, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(e: AppError) -> String {
        match e {
            AppError::Validation(f) => f[0].field.to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn forms_are_decoded_strictly() {
        assert_eq!(
            decode_pairs(b"a=1&b=two+words&c=%D2%9A%D0%B0%D0%B7&d=line%0Abreak").unwrap(),
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "two words".into()),
                ("c".into(), "Қаз".into()),
                ("d".into(), "line\nbreak".into())
            ]
        );
        assert_eq!(
            field_of(decode_pairs(b"question=a%00b").unwrap_err()),
            "question"
        );
        assert_eq!(field_of(decode_pairs(b"title=%07").unwrap_err()), "title");
        assert_eq!(
            field_of(decode_pairs(b"title=%FF%FE").unwrap_err()),
            "title"
        );
        assert!(decode_pairs(b"ti%00tle=x").is_err());
    }

    #[test]
    fn paths_with_control_characters_name_nothing() {
        assert!(path_is_clean("/api/v1/calls/0194-ab"));
        assert!(path_is_clean("/calls/%D2%9A"));
        assert!(!path_is_clean("/api/v1/calls/%00"));
        assert!(!path_is_clean("/calls/%FF"));
    }

    #[test]
    fn json_strings_and_keys_are_checked_with_their_path() {
        assert!(check_json(br#"{"title":"ok\nfine","n":1}"#).is_ok());
        assert_eq!(
            field_of(check_json(br#"{"envelopes":[{"label":"a\u0000"}]}"#).unwrap_err()),
            "envelopes[0].label"
        );
        assert_eq!(
            field_of(check_json(br#"{"a\u0001":1}"#).unwrap_err()),
            "a\u{1}".replace('\u{1}', "")
        );
        assert!(check_json(b"not json").is_ok(), "left to the extractor");
    }
}
