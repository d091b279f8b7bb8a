//! Exercise-name normalisation (`spec/catalog-json.md`, "Names and the catalog in force"):
//! the key two names are compared by, shared by validation, matching, context and lints.

use unicode_normalization::UnicodeNormalization;

/// The key an exercise name is compared by: Unicode NFKC, lower case, `-` `_` `.` `,` `/` and
/// runs of white space folded to one space, no leading or trailing space.
///
/// ```
/// use replog_core::normalize_name;
/// assert_eq!(normalize_name("DB bench-press"), normalize_name("db  Bench Press"));
/// assert_ne!(normalize_name("DB Bench Press"), normalize_name("Dumbbell Bench Press"));
/// ```
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalize_into(name, &mut out);
    out
}

/// [`normalize_name`] into a buffer the caller reuses (cleared first).
pub fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        fold(
            name.bytes().map(|b| char::from(b.to_ascii_lowercase())),
            out,
        );
    } else {
        fold(name.nfkc().flat_map(char::to_lowercase), out);
    }
}

fn fold(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() || matches!(c, '-' | '_' | '.' | ',' | '/') {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_separators_and_space() {
        assert_eq!(normalize_name("  DB bench-press "), "db bench press");
        assert_eq!(normalize_name("db  Bench_Press"), "db bench press");
        assert_eq!(
            normalize_name("Shoulder Press, Dumbbells"),
            "shoulder press dumbbells"
        );
        assert_eq!(normalize_name("a/b.c"), "a b c");
        assert_eq!(normalize_name("--"), "");
    }

    #[test]
    fn applies_nfkc_before_lower_case() {
        // Full-width letters and the "fi" ligature are compatibility forms.
        assert_eq!(normalize_name("ＢＥＮＣＨ"), "bench");
        assert_eq!(
            normalize_name("Deadlift \u{FB01}nisher"),
            "deadlift finisher"
        );
        assert_eq!(normalize_name("Übung\u{00A0}Eins"), "übung eins");
    }
}
