//! The one table from source vocabularies (free-exercise-db, wger, exercemus, openweight,
//! the reference models) to CatalogJSON's equipment ids, muscle ids and categories. Every
//! converter looks words up here; no mapping is written anywhere else.
//!
//! Words are matched case-insensitively after trimming and folding runs of white space.
//! A word the table does not know is not guessed at: the converter keeps it as a snake_case
//! token (see [`token`]) and notes that it did.

use replog_core::Category;

/// What a source equipment word means in CatalogJSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EquipmentWord {
    /// These equipment ids (empty: the exercise needs nothing but the body).
    Ids(&'static [&'static str]),
    /// The source says "some other equipment" without naming it: nothing CatalogJSON can
    /// list, and not bodyweight either.
    Unspecified,
}

/// Source equipment words and their ids. Singular, generic ids: `dumbbell`, not `dumbbells`.
const EQUIPMENT: &[(&str, EquipmentWord)] = {
    use EquipmentWord::{Ids, Unspecified};
    &[
        ("barbell", Ids(&["barbell"])),
        ("dumbbell", Ids(&["dumbbell"])),
        ("dumbbells", Ids(&["dumbbell"])),
        ("kettlebell", Ids(&["kettlebell"])),
        ("kettlebells", Ids(&["kettlebell"])),
        ("cable", Ids(&["cable_machine"])),
        ("cable machine", Ids(&["cable_machine"])),
        ("machine", Ids(&["machine"])),
        ("bands", Ids(&["resistance_band"])),
        ("band", Ids(&["resistance_band"])),
        ("resistance band", Ids(&["resistance_band"])),
        ("medicine ball", Ids(&["medicine_ball"])),
        ("exercise ball", Ids(&["stability_ball"])),
        ("swiss ball", Ids(&["stability_ball"])),
        ("stability ball", Ids(&["stability_ball"])),
        ("foam roll", Ids(&["foam_roller"])),
        ("foam roller", Ids(&["foam_roller"])),
        ("e-z curl bar", Ids(&["ez_bar"])),
        ("ez curl bar", Ids(&["ez_bar"])),
        ("ez bar", Ids(&["ez_bar"])),
        ("sz-bar", Ids(&["ez_bar"])),
        ("bench", Ids(&["bench"])),
        ("incline bench", Ids(&["incline_bench"])),
        ("pull-up bar", Ids(&["pull_up_bar"])),
        ("gym mat", Ids(&["mat"])),
        ("mat", Ids(&["mat"])),
        ("body only", Ids(&[])),
        ("bodyweight", Ids(&[])),
        ("body weight", Ids(&[])),
        ("none", Ids(&[])),
        ("none (bodyweight exercise)", Ids(&[])),
        ("other", Unspecified),
    ]
};

/// Source muscle words (common English, wger's Latin names) and their ids.
const MUSCLES: &[(&str, &str)] = &[
    ("abdominals", "abdominals"),
    ("abs", "abdominals"),
    ("rectus abdominis", "abdominals"),
    ("obliques", "obliques"),
    ("obliquus externus abdominis", "obliques"),
    ("biceps", "biceps"),
    ("biceps brachii", "biceps"),
    ("brachialis", "brachialis"),
    ("triceps", "triceps"),
    ("triceps brachii", "triceps"),
    ("forearms", "forearms"),
    ("shoulders", "shoulders"),
    ("anterior deltoid", "shoulders"),
    ("deltoids", "shoulders"),
    ("chest", "chest"),
    ("pectoralis major", "chest"),
    ("serratus anterior", "serratus_anterior"),
    ("lats", "lats"),
    ("latissimus dorsi", "lats"),
    ("middle back", "middle_back"),
    ("lower back", "lower_back"),
    ("erector spinae", "lower_back"),
    ("traps", "trapezius"),
    ("trapezius", "trapezius"),
    ("neck", "neck"),
    ("quadriceps", "quadriceps"),
    ("quads", "quadriceps"),
    ("quadriceps femoris", "quadriceps"),
    ("hamstrings", "hamstrings"),
    ("biceps femoris", "hamstrings"),
    ("glutes", "glutes"),
    ("gluteus maximus", "glutes"),
    ("calves", "calves"),
    ("gastrocnemius", "calves"),
    ("soleus", "soleus"),
    ("adductors", "adductors"),
    ("abductors", "abductors"),
];

/// How a source category maps: `exact` is false where the source category is a body part
/// or a broader kind (wger's `Arms`, free-exercise-db's `strongman`) and the CatalogJSON
/// category is the closest kind of training, which the converter notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryWord {
    /// The CatalogJSON category.
    pub category: Category,
    /// Whether the source means the same thing.
    pub exact: bool,
}

const fn cat(category: Category, exact: bool) -> CategoryWord {
    CategoryWord { category, exact }
}

/// Source category words and their categories.
const CATEGORIES: &[(&str, CategoryWord)] = &[
    ("strength", cat(Category::Strength, true)),
    ("power", cat(Category::Power, true)),
    ("olympic", cat(Category::Olympic, true)),
    ("olympic weightlifting", cat(Category::Olympic, true)),
    ("plyometric", cat(Category::Plyometric, true)),
    ("plyometrics", cat(Category::Plyometric, true)),
    ("conditioning", cat(Category::Conditioning, true)),
    ("cardio", cat(Category::Conditioning, true)),
    ("mobility", cat(Category::Mobility, true)),
    ("stretching", cat(Category::Mobility, true)),
    ("carry", cat(Category::Carry, true)),
    ("core", cat(Category::Core, true)),
    ("abs", cat(Category::Core, true)),
    ("powerlifting", cat(Category::Strength, false)),
    ("strongman", cat(Category::Strength, false)),
    ("calisthenics", cat(Category::Strength, false)),
    ("crossfit", cat(Category::Conditioning, false)),
    ("arms", cat(Category::Strength, false)),
    ("legs", cat(Category::Strength, false)),
    ("chest", cat(Category::Strength, false)),
    ("back", cat(Category::Strength, false)),
    ("shoulders", cat(Category::Strength, false)),
    ("calves", cat(Category::Strength, false)),
];

/// Lower case, trimmed, white space runs folded to one space.
fn key(word: &str) -> String {
    word.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    let key = key(word);
    table
        .iter()
        .find(|(known, _)| *known == key)
        .map(|&(_, value)| value)
}

/// What a source equipment word means, if the table knows it.
pub fn equipment(word: &str) -> Option<EquipmentWord> {
    lookup(EQUIPMENT, word)
}

/// The CatalogJSON equipment ids an equipment token stands for, so that lists written by
/// different hands compare: a source word the table knows becomes its ids (`dumbbells` ->
/// `dumbbell`, `cable` -> `cable_machine`, `body_only` -> none), underscores read as spaces;
/// any other token (already an id, or one the table does not know) stands for itself.
///
/// ```
/// use replog_catalog::convert::vocabulary::canonical_equipment;
/// assert_eq!(canonical_equipment("dumbbells"), ["dumbbell"]);
/// assert_eq!(canonical_equipment("cable"), ["cable_machine"]);
/// assert_eq!(canonical_equipment("cable_machine"), ["cable_machine"]);
/// assert_eq!(canonical_equipment("plyo_box"), ["plyo_box"]);
/// assert!(canonical_equipment("body_only").is_empty());
/// ```
pub fn canonical_equipment(token: &str) -> Vec<String> {
    match equipment(&token.replace('_', " ")) {
        Some(EquipmentWord::Ids(ids)) => ids.iter().map(|id| (*id).to_owned()).collect(),
        Some(EquipmentWord::Unspecified) | None => vec![token.trim().to_owned()],
    }
}

/// The muscle id of a source muscle word, if the table knows it.
pub fn muscle(word: &str) -> Option<&'static str> {
    lookup(MUSCLES, word)
}

/// The category of a source category word, if the table knows it.
pub fn category(word: &str) -> Option<CategoryWord> {
    lookup(CATEGORIES, word)
}

/// A snake_case id made from free text for a word the table does not know (`"Plyo Box"` ->
/// `plyo_box`); `None` when nothing of the word fits `^[a-z][a-z0-9_]*$`.
pub fn token(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            if out.is_empty() && c.is_ascii_digit() {
                continue;
            }
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    (!out.is_empty()).then_some(out)
}

/// The words the table maps, for documentation and tests: equipment, muscles, categories.
pub fn known_words() -> (Vec<&'static str>, Vec<&'static str>, Vec<&'static str>) {
    (
        EQUIPMENT.iter().map(|(w, _)| *w).collect(),
        MUSCLES.iter().map(|(w, _)| *w).collect(),
        CATEGORIES.iter().map(|(w, _)| *w).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_is_a_token() {
        for (_, word) in EQUIPMENT {
            if let EquipmentWord::Ids(ids) = word {
                for id in *ids {
                    assert_eq!(token(id).as_deref(), Some(*id));
                }
            }
        }
        for (_, id) in MUSCLES {
            assert_eq!(token(id).as_deref(), Some(*id));
        }
    }

    #[test]
    fn table_keys_are_normalised_and_unique() {
        let (equipment, muscles, categories) = known_words();
        for list in [equipment, muscles, categories] {
            for (i, word) in list.iter().enumerate() {
                assert_eq!(key(word), *word);
                assert!(!list[..i].contains(word), "{word} twice");
            }
        }
    }

    #[test]
    fn every_id_is_its_own_canonical_form() {
        for (_, word) in EQUIPMENT {
            if let EquipmentWord::Ids(ids) = word {
                for id in *ids {
                    assert_eq!(canonical_equipment(id), [*id], "{id}");
                }
            }
        }
    }

    #[test]
    fn lookups_fold_case_and_space() {
        assert_eq!(
            equipment(" E-Z  Curl Bar "),
            Some(EquipmentWord::Ids(&["ez_bar"]))
        );
        assert_eq!(muscle("Obliquus externus abdominis"), Some("obliques"));
        assert_eq!(category("Abs").map(|c| c.category), Some(Category::Core));
        assert_eq!(equipment("Other"), Some(EquipmentWord::Unspecified));
        assert_eq!(token("3 Plyo-Box!"), Some("plyo_box".to_owned()));
        assert_eq!(token("!!"), None);
    }
}
