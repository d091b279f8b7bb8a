//! The words a matcher knows by meaning: equipment and its canonical ids, abbreviations,
//! synonyms, and the grip, stance and position words that qualify a movement without
//! naming a different one.

/// Equipment that decides which exercise a name is: a dumbbell press is not a barbell press.
///
/// Accessories (benches, mats, pull-up bars, boxes) are not here: "Bench Press" names a
/// movement, and a bench rarely tells two exercises apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Equipment {
    Barbell,
    Dumbbell,
    Kettlebell,
    Cable,
    Machine,
    SmithMachine,
    Band,
    EzBar,
    TrapBar,
    MedicineBall,
    SwissBall,
    Suspension,
    Landmine,
    Sled,
    FoamRoller,
    Treadmill,
    /// Named explicitly ("Bodyweight Squat", `body_only`): it differs from every implement.
    Bodyweight,
}

impl Equipment {
    /// The bit of this equipment in an [`EquipmentSet`].
    pub(crate) const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A set of [`Equipment`] as bits: compared once per candidate, so it stays a plain integer.
pub(crate) type EquipmentSet = u32;

/// Phrases (as singular, lower-case words) that name equipment. Longest phrases first is not
/// needed: the tokenizer tries every length from the longest down.
pub(crate) const EQUIPMENT_PHRASES: &[(&[&str], Equipment)] = &[
    (&["barbell"], Equipment::Barbell),
    (&["bar", "bell"], Equipment::Barbell),
    (&["olympic", "bar"], Equipment::Barbell),
    (&["dumbbell"], Equipment::Dumbbell),
    (&["dumb", "bell"], Equipment::Dumbbell),
    (&["kettlebell"], Equipment::Kettlebell),
    (&["kettle", "bell"], Equipment::Kettlebell),
    (&["cable"], Equipment::Cable),
    // The converters' id for a cable station (`cable_machine`): one implement, not a cable
    // and a machine.
    (&["cable", "machine"], Equipment::Cable),
    (&["pulley"], Equipment::Cable),
    (&["machine"], Equipment::Machine),
    (&["leverage"], Equipment::Machine),
    (&["lever"], Equipment::Machine),
    (&["smith", "machine"], Equipment::SmithMachine),
    (&["smith"], Equipment::SmithMachine),
    (&["band"], Equipment::Band),
    (&["resistance", "band"], Equipment::Band),
    (&["ez", "bar"], Equipment::EzBar),
    (&["ez", "curl", "bar"], Equipment::EzBar),
    (&["e", "z", "bar"], Equipment::EzBar),
    (&["e", "z", "curl", "bar"], Equipment::EzBar),
    (&["ezbar"], Equipment::EzBar),
    (&["sz", "bar"], Equipment::EzBar),
    (&["ez"], Equipment::EzBar),
    (&["trap", "bar"], Equipment::TrapBar),
    (&["hex", "bar"], Equipment::TrapBar),
    (&["medicine", "ball"], Equipment::MedicineBall),
    (&["med", "ball"], Equipment::MedicineBall),
    (&["swiss", "ball"], Equipment::SwissBall),
    (&["exercise", "ball"], Equipment::SwissBall),
    (&["stability", "ball"], Equipment::SwissBall),
    (&["trx"], Equipment::Suspension),
    (&["suspension", "trainer"], Equipment::Suspension),
    (&["landmine"], Equipment::Landmine),
    (&["sled"], Equipment::Sled),
    (&["foam", "roll"], Equipment::FoamRoller),
    (&["foam", "roller"], Equipment::FoamRoller),
    (&["treadmill"], Equipment::Treadmill),
    (&["bodyweight"], Equipment::Bodyweight),
    (&["body", "weight"], Equipment::Bodyweight),
    (&["body", "only"], Equipment::Bodyweight),
];

/// Abbreviations gym logs use, expanded to the words of the full name before anything else.
pub(crate) const ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("db", &["dumbbell"]),
    ("dbs", &["dumbbell"]),
    ("bb", &["barbell"]),
    ("kb", &["kettlebell"]),
    ("kbs", &["kettlebell"]),
    ("sb", &["swiss", "ball"]),
    ("rdl", &["romanian", "deadlift"]),
    ("rdls", &["romanian", "deadlift"]),
    ("sldl", &["stiff", "leg", "deadlift"]),
    ("ohp", &["overhead", "press"]),
    ("pd", &["pulldown"]),
    ("tri", &["tricep"]),
    ("tris", &["tricep"]),
    ("bi", &["bicep"]),
    ("bis", &["bicep"]),
    ("ext", &["extension"]),
    ("alt", &["alternating"]),
    ("w", &[]),
];

/// Movement phrases with the same meaning, rewritten to one form (singular words, after
/// abbreviations are expanded and "up"/"down" joined to the word before).
pub(crate) const SYNONYMS: &[(&[&str], &[&str])] = &[
    (&["military", "press"], &["overhead", "press"]),
    (&["shoulder", "press"], &["overhead", "press"]),
    (&["side", "lateral", "raise"], &["lateral", "raise"]),
    (&["side", "raise"], &["lateral", "raise"]),
    (&["lateral", "raise"], &["lateral", "raise"]),
    (&["flye"], &["fly"]),
    (&["pressup"], &["pushup"]),
    (&["french", "press"], &["skullcrusher"]),
    (&["skull", "crusher"], &["skullcrusher"]),
    (&["stiff", "legged"], &["stiff", "leg"]),
    (&["alternate"], &["alternating"]),
    (&["single", "arm"], &["one", "arm"]),
    (&["single", "leg"], &["one", "leg"]),
    // "Incline press" is how logs write the incline bench press.
    (&["incline", "bench", "press"], &["incline", "press"]),
    (&["decline", "bench", "press"], &["decline", "press"]),
    (&["hammer", "grip"], &["neutral", "grip"]),
];

/// Words that qualify a movement (grip, stance, body position, sidedness, the muscle aimed
/// at) without making it another exercise: they count for less than movement words when
/// names are compared, so "DB Curl" is as near "Dumbbell Bicep Curl" as a seated curl.
pub(crate) const MODIFIERS: &[&str] = &[
    "grip",
    "stance",
    "wide",
    "close",
    "narrow",
    "medium",
    "neutral",
    "overhand",
    "underhand",
    "pronated",
    "supinated",
    "mixed",
    "standing",
    "seated",
    "sitting",
    "lying",
    "flat",
    "bent",
    "over",
    "weighted",
    "alternating",
    "one",
    "two",
    "both",
    "handed",
    "unilateral",
    "bilateral",
    "palm",
    "in",
    "out",
    "powerlifting",
    "style",
    "bicep",
    "tricep",
    "chest",
    "pec",
    "delt",
    "glute",
    "hamstring",
    "quad",
];

/// Words that carry no meaning for matching.
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "an", "and", "the", "with", "on", "of", "to", "for", "at", "from", "into", "your", "x",
];

/// Whether a word qualifies a movement rather than naming one.
pub(crate) fn is_modifier(word: &str) -> bool {
    MODIFIERS.contains(&word)
}

/// Whether a word is dropped before comparing.
pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// The expansion of an abbreviation, if the word is one.
pub(crate) fn expand(word: &str) -> Option<&'static [&'static str]> {
    ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == word)
        .map(|(_, long)| *long)
}

/// The singular form of an English word, by the regular rules and a few exceptions; words
/// that end in `ss`, `us` or `is` ("press", "gluteus", "pelvis") are left alone.
pub(crate) fn singular(word: &str) -> &str {
    const KEEP: &[&str] = &["abs", "series", "jumping", "plus", "hips"];
    if word.len() <= 3 || KEEP.contains(&word) {
        return word;
    }
    if let Some(stem) = word.strip_suffix("sses") {
        return &word[..stem.len() + 2];
    }
    for suffix in ["ches", "shes", "xes"] {
        if word.ends_with(suffix) {
            return &word[..word.len() - 2];
        }
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word;
    }
    word.strip_suffix('s').unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_forms() {
        assert_eq!(singular("raises"), "raise");
        assert_eq!(singular("presses"), "press");
        assert_eq!(singular("press"), "press");
        assert_eq!(singular("crunches"), "crunch");
        assert_eq!(singular("lunges"), "lunge");
        assert_eq!(singular("abs"), "abs");
        assert_eq!(singular("ups"), "ups");
        assert_eq!(singular("flyes"), "flye");
        assert_eq!(singular("triceps"), "tricep");
    }

    #[test]
    fn equipment_bits_are_distinct() {
        let mut seen = 0;
        for (_, equipment) in EQUIPMENT_PHRASES {
            seen |= equipment.bit();
        }
        assert_eq!(seen.count_ones(), 17);
    }
}
