//! Exercise-name normalisation (`spec/catalog-json.md`, "Names and the catalog in force"):
//! the key two names are compared by, shared by validation, matching, context and lints, and
//! the closest-name search behind "did you mean" hints.

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
        fold(
            crate::unicode::nfkc(name)
                .chars()
                .flat_map(char::to_lowercase),
            out,
        );
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

/// The candidate most like `needle` (Jaro-Winkler similarity of the normalised forms), if
/// its similarity is at least `threshold` (0 to 1); ties go to the first.
pub fn closest<'a>(
    needle: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    threshold: f64,
) -> Option<&'a str> {
    let keyed: Vec<(String, &'a str)> = candidates
        .into_iter()
        .map(|candidate| (normalize_name(candidate), candidate))
        .collect();
    closest_key(
        &normalize_name(needle),
        keyed
            .iter()
            .map(|(key, candidate)| (key.as_str(), *candidate)),
        threshold,
    )
}

/// The display name whose already-normalised key is most like `key` (Jaro-Winkler), among
/// (key, display name) pairs, if its similarity is at least `threshold`; ties go to the first.
pub fn closest_key<'k, 'a>(
    key: &str,
    candidates: impl IntoIterator<Item = (&'k str, &'a str)>,
    threshold: f64,
) -> Option<&'a str> {
    let mut best: Option<(&'a str, f64)> = None;
    for (candidate, display) in candidates {
        let score = strsim::jaro_winkler(key, candidate);
        if score >= threshold && best.is_none_or(|(_, top)| score > top) {
            best = Some((display, score));
        }
    }
    best.map(|(display, _)| display)
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

    #[test]
    fn closest_prefers_the_most_similar_and_respects_the_threshold() {
        let names = ["Bench Press", "Back Squat", "Deadlift"];
        assert_eq!(closest("bench pres", names, 0.8), Some("Bench Press"));
        assert_eq!(closest("zzz", names, 0.8), None);
    }
}
