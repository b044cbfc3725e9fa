//! From bytes to text, and from a JSON path back to a line and column.
//!
//! [`decode_text`] accepts UTF-8 with or without a byte-order mark and names any other encoding
//! it recognises. [`locate`] finds, on the slow path taken only when a file has problems, where
//! a JSON pointer (`/answers/Q01/CL`) stands in the source text, so that every message can say
//! « ligne 4, colonne 12 » / "line 4, column 12".

use crate::problem::{Problem, ProblemKind, Span};
use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use std::borrow::Cow;

/// Turns file bytes into text: strips a UTF-8 byte-order mark, and refuses UTF-16/UTF-32 or
/// binary content with a problem that names what was found.
pub fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let encoding = |found: &str| {
        Err(Problem::error(
            "",
            ProblemKind::Encoding {
                found: found.to_string(),
            },
        ))
    };
    if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return encoding("UTF-32");
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return encoding("UTF-16 LE");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return encoding("UTF-16 BE");
    }
    if bytes.len() >= 2 && bytes[0] != 0 && bytes[1] == 0 {
        return encoding("UTF-16 LE");
    }
    if bytes.len() >= 2 && bytes[0] == 0 && bytes[1] != 0 {
        return encoding("UTF-16 BE");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Problem::error("", ProblemKind::ZipNotText));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            let span = Span::at(&String::from_utf8_lossy(bytes), e.valid_up_to(), 1);
            let mut p = Problem::error("", ProblemKind::EncodingLatin1);
            p.span = Some(span);
            Err(p)
        }
    }
}

/// Strips a leading byte-order mark from text that is already a `str`.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// Builds a JSON pointer from path segments, escaping `~` and `/` (RFC 6901).
pub fn pointer<S: AsRef<str>>(segments: &[S]) -> String {
    let mut out = String::new();
    for s in segments {
        out.push('/');
        out.push_str(&s.as_ref().replace('~', "~0").replace('/', "~1"));
    }
    out
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// What a problem points at: an object key, or the value at the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The property name (for "this key should not be here").
    Key,
    /// The value (for "this value is wrong").
    Value,
}

/// Where `path` (a JSON pointer) stands in `text`. When the path goes deeper than the text
/// (a missing field), the innermost existing value is returned. `None` when `text` is not JSON.
pub fn locate(text: &str, path: &str, target: Target) -> Option<Span> {
    let options = jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        ..Default::default()
    };
    let parsed = jsonc_parser::parse_to_ast(text, &Default::default(), &options).ok()?;
    let mut value = parsed.value.as_ref()?;
    let mut key_range = None;
    let segments: Vec<String> = path.split('/').skip(1).map(unescape).collect();
    for segment in &segments {
        let next = match value {
            Value::Object(obj) => obj
                .properties
                .iter()
                .rev()
                .find(|p| p.name.as_str() == segment)
                .map(|p| {
                    let r = match &p.name {
                        ObjectPropName::String(s) => s.range,
                        ObjectPropName::Word(w) => w.range,
                    };
                    (Some(r), &p.value)
                }),
            Value::Array(arr) => segment
                .parse::<usize>()
                .ok()
                .and_then(|i| arr.elements.get(i))
                .map(|v| (None, v)),
            _ => None,
        };
        match next {
            Some((k, v)) => {
                key_range = k;
                value = v;
            }
            None => {
                key_range = None;
                break;
            }
        }
    }
    let range = match (target, key_range) {
        (Target::Key, Some(k)) => k,
        _ => value.range(),
    };
    let len = match value {
        Value::Object(_) | Value::Array(_) if target == Target::Value => 1,
        _ => range.end.saturating_sub(range.start).max(1),
    };
    Some(Span::at(text, range.start, len))
}

/// Every key written twice in one object of `text`, as an error at the second occurrence that
/// names the first (line and column). Empty when `text` is not JSON. Taken only on the slow
/// path, once a reader has refused the file.
pub fn duplicate_keys(text: &str) -> Vec<Problem> {
    let options = jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        ..Default::default()
    };
    let Ok(parsed) = jsonc_parser::parse_to_ast(text, &Default::default(), &options) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(v) = &parsed.value {
        let mut path = Vec::new();
        walk_duplicates(text, v, &mut path, &mut out);
    }
    out
}

fn walk_duplicates<'a>(
    text: &str,
    value: &'a Value<'a>,
    path: &mut Vec<String>,
    out: &mut Vec<Problem>,
) {
    match value {
        Value::Object(obj) => {
            for (i, p) in obj.properties.iter().enumerate() {
                let name = p.name.as_str();
                let range = |p: &jsonc_parser::ast::ObjectProp| match &p.name {
                    ObjectPropName::String(s) => s.range,
                    ObjectPropName::Word(w) => w.range,
                };
                if let Some(first) = obj.properties[..i].iter().find(|f| f.name.as_str() == name) {
                    let first = range(first);
                    let first = Span::at(text, first.start, 1);
                    let second = range(p);
                    path.push(name.to_string());
                    let mut problem = Problem::error(
                        pointer(path),
                        ProblemKind::DuplicateKey {
                            key: name.to_string(),
                            first_line: first.line,
                            first_column: first.column,
                        },
                    );
                    path.pop();
                    problem.span = Some(Span::at(
                        text,
                        second.start,
                        second.end.saturating_sub(second.start).max(1),
                    ));
                    out.push(problem);
                }
                path.push(name.to_string());
                walk_duplicates(text, &p.value, path, out);
                path.pop();
            }
        }
        Value::Array(arr) => {
            for (i, v) in arr.elements.iter().enumerate() {
                path.push(i.to_string());
                walk_duplicates(text, v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Fills in the span of every problem that has none, from its path.
pub fn locate_all(text: &str, problems: &mut [Problem], target_of: impl Fn(&Problem) -> Target) {
    if problems.iter().all(|p| p.span.is_some()) {
        return;
    }
    for p in problems.iter_mut().filter(|p| p.span.is_none()) {
        if let Some(path) = p.path.json_pointer() {
            p.span = locate(text, path, target_of(p));
        }
    }
}

/// A problem from a serde error with its path.
pub fn serde_problem(text: &str, e: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let path = e.path().to_string();
    let path = if path == "." {
        String::new()
    } else {
        json_pointer_from_serde(&path)
    };
    json_error_problem(text, &path, e.inner())
}

fn json_pointer_from_serde(path: &str) -> String {
    let mut segs = Vec::new();
    for part in path.split('.') {
        // serde_path_to_error writes sequence indexes as `name[3]`.
        let mut rest = part;
        if let Some(b) = rest.find('[') {
            segs.push(rest[..b].to_string());
            rest = &rest[b..];
            while let Some(end) = rest.find(']') {
                segs.push(rest[1..end].to_string());
                rest = &rest[end + 1..];
            }
        } else {
            segs.push(rest.to_string());
        }
    }
    pointer(
        &segs
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>(),
    )
}

/// A problem from a serde_json error: syntax (with line and column) or data.
pub fn json_error_problem(text: &str, path: &str, e: &serde_json::Error) -> Problem {
    let detail = strip_position(&e.to_string());
    let kind = match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            ProblemKind::Syntax { detail }
        }
        _ => ProblemKind::InvalidData { detail },
    };
    let mut p = Problem::error(path, kind);
    if e.line() > 0 {
        p.span = Some(Span::from_line_column(text, e.line(), e.column()));
    }
    p
}

/// serde_json appends " at line L column C"; the place is reported separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_keys_and_values() {
        let text = "{\n  \"answers\": {\n    \"Q99\": \"yes\"\n  }\n}";
        let k = locate(text, "/answers/Q99", Target::Key).unwrap();
        assert_eq!((k.line, k.column), (3, 5));
        let v = locate(text, "/answers/Q99", Target::Value).unwrap();
        assert_eq!((v.line, v.column), (3, 12));
    }

    #[test]
    fn missing_path_points_at_innermost_value() {
        let text = "{\"company\": {}}";
        let s = locate(text, "/company/name", Target::Value).unwrap();
        assert_eq!(s.column, 13);
    }

    #[test]
    fn duplicate_keys_name_both_places() {
        let text = "{\n  \"a\": {\"CL\": 1,\n   \"CL\": 2}\n}";
        let found = duplicate_keys(text);
        assert_eq!(found.len(), 1);
        let p = &found[0];
        assert_eq!(p.path, "/a/CL");
        assert_eq!(p.span.map(|s| (s.line, s.column)), Some((3, 4)));
        assert!(matches!(
            p.kind,
            ProblemKind::DuplicateKey {
                first_line: 2,
                first_column: 9,
                ..
            }
        ));
    }

    #[test]
    fn pointer_escapes() {
        assert_eq!(pointer(&["a/b", "c~d"]), "/a~1b/c~0d");
    }

    #[test]
    fn decodes_bom_and_names_utf16() {
        assert_eq!(decode_text(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        let e = decode_text(b"\xFF\xFE{\x00}\x00").unwrap_err();
        assert!(e.kind.to_string().contains("UTF-16 LE"));
        let e = decode_text(b"{\"a\": \"caf\xE9\"}").unwrap_err();
        assert!(e.kind.to_string().contains("Latin-1"));
    }
}
