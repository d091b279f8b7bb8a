//! The closest-name search behind "did you mean" hints, over names normalised by
//! [`replog_core::normalize_name`] (re-exported here).

pub use replog_core::{normalize_into, normalize_name};

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
pub(crate) fn closest_key<'k, 'a>(
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
    fn closest_prefers_the_most_similar_and_respects_the_threshold() {
        let names = ["Bench Press", "Back Squat", "Deadlift"];
        assert_eq!(closest("bench pres", names, 0.8), Some("Bench Press"));
        assert_eq!(closest("zzz", names, 0.8), None);
    }
}
