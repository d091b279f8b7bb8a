//! The built-in exercise library: about seventy well-known movements with their pattern,
//! equipment, muscles and cautions, used when the athlete's context carries no catalog (and
//! to fill the patterns a catalog leaves empty). Within a pattern, entries are listed in the
//! order the planner prefers them: the barbell lift first, then the dumbbell and kettlebell
//! variants, then what needs nothing at all.
//!
//! Equipment ids follow the converters' vocabulary (`dumbbell`, `resistance_band`); the
//! athlete's own spellings (`dumbbells`, `bands`) are matched through [`SYNONYMS`] and the
//! exercise is written into the document with the athlete's spelling, so the equipment check
//! passes against the athlete's own list.

use replog_core::{Category, RepType};

use super::pattern::Pattern;

/// A movement that lands from a jump: knee and ankle flags exclude it.
pub(crate) const JUMP: u8 = 1;
/// A press or lift that ends overhead: shoulder flags exclude it.
pub(crate) const OVERHEAD: u8 = 2;
/// A lunge: a note about lunges excludes it.
pub(crate) const LUNGE: u8 = 4;
/// Deep single-leg knee flexion (pistols): knee flags exclude it.
pub(crate) const DEEP_KNEE: u8 = 8;
/// Heavy axial loading of the spine: back flags exclude it.
pub(crate) const SPINE: u8 = 16;
/// A hip-dominant single-leg movement: preferred when a knee is flagged.
pub(crate) const HIP: u8 = 32;

/// The training experience an exercise asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    /// Anyone.
    Beginner,
    /// After the basics (months of loaded training).
    Intermediate,
    /// Only for experienced athletes.
    Advanced,
}

/// How an exercise is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Loading {
    /// A barbell lift: loads as a percentage of the training max when there is one.
    Barbell,
    /// Dumbbells, kettlebells or a machine: absolute weights.
    External,
    /// The body or a band: reps and effort only.
    Bodyweight,
}

/// One library exercise.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) name: &'static str,
    /// Other names hosts' catalogs use for it (free-exercise-db's among them), so a catalog
    /// entry is used under its own name when the catalog has one.
    pub(crate) aliases: &'static [&'static str],
    pub(crate) pattern: Pattern,
    pub(crate) category: Category,
    /// Every piece of equipment needed, in the vocabulary's ids.
    pub(crate) equipment: &'static [&'static str],
    pub(crate) muscles: &'static [&'static str],
    pub(crate) level: Level,
    pub(crate) loading: Loading,
    pub(crate) rep_type: RepType,
    pub(crate) tags: u8,
}

impl Entry {
    const fn new(
        name: &'static str,
        pattern: Pattern,
        category: Category,
        equipment: &'static [&'static str],
        muscles: &'static [&'static str],
        level: Level,
        loading: Loading,
    ) -> Self {
        Self {
            name,
            aliases: &[],
            pattern,
            category,
            equipment,
            muscles,
            level,
            loading,
            rep_type: RepType::Reps,
            tags: 0,
        }
    }

    const fn aka(mut self, aliases: &'static [&'static str]) -> Self {
        self.aliases = aliases;
        self
    }

    const fn tag(mut self, tags: u8) -> Self {
        self.tags |= tags;
        self
    }

    const fn each_side(mut self) -> Self {
        self.rep_type = RepType::EachSide;
        self
    }

    const fn timed(mut self) -> Self {
        self.rep_type = RepType::Seconds;
        self
    }

    /// Whether the entry carries any of `tags`.
    pub(crate) fn has(&self, tags: u8) -> bool {
        self.tags & tags != 0
    }
}

/// Equipment ids and the other spellings athletes' lists use for them.
pub(crate) const SYNONYMS: &[(&str, &[&str])] = &[
    ("dumbbell", &["dumbbell", "dumbbells", "db", "dbs"]),
    ("kettlebell", &["kettlebell", "kettlebells", "kb", "kbs"]),
    (
        "resistance_band",
        &[
            "resistance_band",
            "resistance_bands",
            "band",
            "bands",
            "mini_band",
        ],
    ),
    ("plyo_box", &["plyo_box", "box", "jump_box", "plyo_boxes"]),
    ("pull_up_bar", &["pull_up_bar", "pullup_bar", "chin_up_bar"]),
    (
        "squat_rack",
        &["squat_rack", "power_rack", "rack", "squat_stands"],
    ),
    (
        "bench",
        &["bench", "flat_bench", "weight_bench", "adjustable_bench"],
    ),
    (
        "medicine_ball",
        &["medicine_ball", "med_ball", "medicine_balls"],
    ),
    ("cable_machine", &["cable_machine", "cable", "cables"]),
    ("barbell", &["barbell", "olympic_barbell"]),
];

/// How the athlete spells an equipment id, if they have it at all. Only spellings that are
/// CatalogJSON equipment tokens (`^[a-z][a-z0-9_]*$`) count, since the spelling is written
/// into the document.
pub(crate) fn athlete_spelling<'a>(id: &str, available: &'a [String]) -> Option<&'a str> {
    let spellings = SYNONYMS
        .iter()
        .find(|(canonical, _)| *canonical == id)
        .map_or(&[][..], |(_, spellings)| *spellings);
    available
        .iter()
        .map(String::as_str)
        .filter(|item| is_token(item))
        .find(|item| *item == id || spellings.contains(item))
}

/// Whether `text` is a CatalogJSON token: a lower-case letter, then lower-case letters,
/// digits and underscores.
fn is_token(text: &str) -> bool {
    let mut bytes = text.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

use Category::{Carry, Core, Olympic, Plyometric, Power, Strength};
use Level::{Advanced, Beginner, Intermediate};
use Loading::{Barbell, Bodyweight, External};
use Pattern as P;

const LOWER: &[&str] = &["quadriceps", "glutes", "adductors"];
const POSTERIOR: &[&str] = &["hamstrings", "glutes", "lower_back"];
const PULL: &[&str] = &["lats", "middle_back", "biceps"];
const PRESS: &[&str] = &["chest", "triceps", "shoulders"];
const OVERHEAD_PRESS: &[&str] = &["shoulders", "triceps"];
const JUMPING: &[&str] = &["quadriceps", "glutes", "calves"];

/// The library, grouped by pattern, each pattern's entries in order of preference. One entry
/// a line, so the table reads as a table.
#[rustfmt::skip]
pub(crate) const LIBRARY: &[Entry] = &[
    // Power: fast force without a landing.
    Entry::new("Power Clean", P::Power, Olympic, &["barbell"], &["glutes", "hamstrings", "quadriceps", "trapezius"], Intermediate, Barbell),
    Entry::new("Hang Clean", P::Power, Olympic, &["barbell"], &["glutes", "hamstrings", "trapezius"], Intermediate, Barbell).aka(&["Hang Power Clean"]),
    Entry::new("Kettlebell Swing", P::Power, Power, &["kettlebell"], &["glutes", "hamstrings"], Beginner, External).aka(&["Kettlebell Swings", "Two-Arm Kettlebell Swing"]),
    Entry::new("Dumbbell Clean", P::Power, Power, &["dumbbell"], &["glutes", "hamstrings", "trapezius"], Intermediate, External).aka(&["Dumbbell Hang Clean"]),
    Entry::new("Medicine Ball Chest Pass", P::Power, Plyometric, &["medicine_ball"], &["chest", "triceps"], Beginner, Bodyweight),
    Entry::new("Medicine Ball Slam", P::Power, Power, &["medicine_ball"], &["lats", "abdominals"], Beginner, Bodyweight),
    Entry::new("Plyo Push-Up", P::Power, Plyometric, &[], &["chest", "triceps"], Intermediate, Bodyweight).aka(&["Plyometric Push-Up", "Clap Push-Up"]),
    // Plyometrics: a take-off and a landing.
    Entry::new("Box Jump", P::Plyometric, Plyometric, &["plyo_box"], JUMPING, Beginner, Bodyweight).tag(JUMP).aka(&["Front Box Jump", "Box Jumps"]),
    Entry::new("Lateral Bound", P::Plyometric, Plyometric, &[], &["glutes", "quadriceps", "adductors"], Beginner, Bodyweight).tag(JUMP).each_side().aka(&["Skater Jump", "Lateral Bounds"]),
    Entry::new("Broad Jump", P::Plyometric, Plyometric, &[], JUMPING, Beginner, Bodyweight).tag(JUMP).aka(&["Standing Long Jump", "Standing Broad Jump"]),
    Entry::new("Countermovement Jump", P::Plyometric, Plyometric, &[], JUMPING, Beginner, Bodyweight).tag(JUMP).aka(&["Vertical Jump"]),
    Entry::new("Pogo Hop", P::Plyometric, Plyometric, &[], &["calves"], Beginner, Bodyweight).tag(JUMP).aka(&["Pogo Jumps"]),
    Entry::new("Jumping Lunge", P::Plyometric, Plyometric, &[], JUMPING, Intermediate, Bodyweight).tag(JUMP | LUNGE).each_side().aka(&["Split Jump"]),
    Entry::new("Depth Jump", P::Plyometric, Plyometric, &["plyo_box"], JUMPING, Advanced, Bodyweight).tag(JUMP).aka(&["Linear Depth Jump"]),
    // Squat.
    Entry::new("Back Squat", P::Squat, Strength, &["barbell", "squat_rack"], LOWER, Intermediate, Barbell).tag(SPINE).aka(&["Barbell Squat", "Barbell Full Squat", "Barbell Back Squat"]),
    Entry::new("Front Squat", P::Squat, Strength, &["barbell", "squat_rack"], &["quadriceps", "glutes"], Intermediate, Barbell).aka(&["Front Barbell Squat", "Front Squat (Clean Grip)"]),
    Entry::new("Goblet Squat", P::Squat, Strength, &["dumbbell"], &["quadriceps", "glutes"], Beginner, External).aka(&["Dumbbell Goblet Squat"]),
    Entry::new("Kettlebell Goblet Squat", P::Squat, Strength, &["kettlebell"], &["quadriceps", "glutes"], Beginner, External),
    Entry::new("Bodyweight Squat", P::Squat, Strength, &[], &["quadriceps", "glutes"], Beginner, Bodyweight).aka(&["Air Squat"]),
    // Hinge.
    Entry::new("Romanian Deadlift", P::Hinge, Strength, &["barbell"], POSTERIOR, Intermediate, Barbell).tag(SPINE).aka(&["RDL", "Barbell Romanian Deadlift"]),
    Entry::new("Deadlift", P::Hinge, Strength, &["barbell"], &["glutes", "hamstrings", "lower_back", "quadriceps"], Intermediate, Barbell).tag(SPINE).aka(&["Barbell Deadlift", "Conventional Deadlift"]),
    Entry::new("Dumbbell Romanian Deadlift", P::Hinge, Strength, &["dumbbell"], &["hamstrings", "glutes"], Beginner, External).aka(&["DB RDL", "Stiff-Legged Dumbbell Deadlift"]),
    Entry::new("Kettlebell Deadlift", P::Hinge, Strength, &["kettlebell"], &["glutes", "hamstrings"], Beginner, External),
    Entry::new("Band Pull-Through", P::Hinge, Strength, &["resistance_band"], &["glutes", "hamstrings"], Beginner, Bodyweight).aka(&["Band Good Morning (Pull Through)"]),
    Entry::new("Glute Bridge", P::Hinge, Strength, &[], &["glutes", "hamstrings"], Beginner, Bodyweight).aka(&["Hip Bridge"]),
    Entry::new("Single-Leg Glute Bridge", P::Hinge, Strength, &[], &["glutes", "hamstrings"], Beginner, Bodyweight).each_side(),
    // Horizontal push.
    Entry::new("Bench Press", P::HorizontalPush, Strength, &["barbell", "bench"], PRESS, Intermediate, Barbell).aka(&["Barbell Bench Press", "Barbell Bench Press - Medium Grip"]),
    Entry::new("Dumbbell Bench Press", P::HorizontalPush, Strength, &["dumbbell", "bench"], PRESS, Beginner, External),
    Entry::new("Dumbbell Floor Press", P::HorizontalPush, Strength, &["dumbbell"], &["chest", "triceps"], Beginner, External),
    Entry::new("One-Arm Kettlebell Floor Press", P::HorizontalPush, Strength, &["kettlebell"], &["chest", "triceps"], Beginner, External).each_side(),
    Entry::new("Push-Up", P::HorizontalPush, Strength, &[], PRESS, Beginner, Bodyweight).aka(&["Pushups", "Push-Ups"]),
    Entry::new("Band Chest Press", P::HorizontalPush, Strength, &["resistance_band"], &["chest", "triceps"], Beginner, Bodyweight),
    // Vertical push.
    Entry::new("Overhead Press", P::VerticalPush, Strength, &["barbell"], OVERHEAD_PRESS, Intermediate, Barbell).tag(OVERHEAD).aka(&["Barbell Shoulder Press", "Standing Military Press", "Military Press"]),
    Entry::new("Dumbbell Shoulder Press", P::VerticalPush, Strength, &["dumbbell"], OVERHEAD_PRESS, Beginner, External).tag(OVERHEAD),
    Entry::new("Half-Kneeling Kettlebell Press", P::VerticalPush, Strength, &["kettlebell"], OVERHEAD_PRESS, Beginner, External).tag(OVERHEAD).each_side(),
    Entry::new("Band Overhead Press", P::VerticalPush, Strength, &["resistance_band"], OVERHEAD_PRESS, Beginner, Bodyweight).tag(OVERHEAD),
    Entry::new("Pike Push-Up", P::VerticalPush, Strength, &[], OVERHEAD_PRESS, Intermediate, Bodyweight).tag(OVERHEAD),
    // Horizontal pull.
    Entry::new("Bent-Over Barbell Row", P::HorizontalPull, Strength, &["barbell"], PULL, Intermediate, External).aka(&["Barbell Row"]),
    Entry::new("One-Arm Dumbbell Row", P::HorizontalPull, Strength, &["dumbbell"], PULL, Beginner, External).each_side().aka(&["Single-Arm Dumbbell Row"]),
    Entry::new("Inverted Row", P::HorizontalPull, Strength, &["barbell", "squat_rack"], PULL, Beginner, Bodyweight).aka(&["Bodyweight Row"]),
    Entry::new("One-Arm Kettlebell Row", P::HorizontalPull, Strength, &["kettlebell"], PULL, Beginner, External).each_side(),
    Entry::new("Band Row", P::HorizontalPull, Strength, &["resistance_band"], PULL, Beginner, Bodyweight).aka(&["Seated Band Row"]),
    Entry::new("Band Pull-Apart", P::HorizontalPull, Strength, &["resistance_band"], &["shoulders", "middle_back"], Beginner, Bodyweight),
    Entry::new("Doorway Row", P::HorizontalPull, Strength, &[], PULL, Beginner, Bodyweight).aka(&["Door Frame Row"]),
    // Vertical pull.
    Entry::new("Pull-Up", P::VerticalPull, Strength, &["pull_up_bar"], PULL, Intermediate, Bodyweight).aka(&["Pullups", "Pull-Ups"]),
    Entry::new("Chin-Up", P::VerticalPull, Strength, &["pull_up_bar"], PULL, Beginner, Bodyweight).aka(&["Chin-Ups"]),
    Entry::new("Lat Pulldown", P::VerticalPull, Strength, &["cable_machine"], PULL, Beginner, External).aka(&["Wide-Grip Lat Pulldown"]),
    Entry::new("Band Lat Pulldown", P::VerticalPull, Strength, &["resistance_band"], &["lats", "biceps"], Beginner, Bodyweight).aka(&["Band Pulldown"]),
    // Single-leg.
    Entry::new("Rear-Foot-Elevated Split Squat", P::SingleLeg, Strength, &["dumbbell", "bench"], LOWER, Intermediate, External).each_side().aka(&["Bulgarian Split Squat"]),
    Entry::new("Dumbbell Reverse Lunge", P::SingleLeg, Strength, &["dumbbell"], LOWER, Beginner, External).tag(LUNGE).each_side().aka(&["Dumbbell Rear Lunge"]),
    Entry::new("Dumbbell Step-Up", P::SingleLeg, Strength, &["dumbbell", "plyo_box"], LOWER, Beginner, External).each_side().aka(&["Dumbbell Step Ups"]),
    Entry::new("Single-Leg Romanian Deadlift", P::SingleLeg, Strength, &["dumbbell"], &["hamstrings", "glutes"], Beginner, External).tag(HIP).each_side().aka(&["Single-Leg Dumbbell RDL"]),
    Entry::new("Kettlebell Single-Leg Deadlift", P::SingleLeg, Strength, &["kettlebell"], &["hamstrings", "glutes"], Beginner, External).tag(HIP).each_side().aka(&["Kettlebell One-Legged Deadlift"]),
    Entry::new("Split Squat", P::SingleLeg, Strength, &[], LOWER, Beginner, Bodyweight).each_side(),
    Entry::new("Reverse Lunge", P::SingleLeg, Strength, &[], LOWER, Beginner, Bodyweight).tag(LUNGE).each_side(),
    Entry::new("Lateral Lunge", P::SingleLeg, Strength, &[], &["quadriceps", "glutes", "adductors"], Beginner, Bodyweight).tag(LUNGE).each_side().aka(&["Side Lunge"]),
    Entry::new("Step-Up", P::SingleLeg, Strength, &["plyo_box"], LOWER, Beginner, Bodyweight).each_side(),
    Entry::new("Single-Leg Hip Hinge", P::SingleLeg, Strength, &[], &["hamstrings", "glutes"], Beginner, Bodyweight).tag(HIP).each_side(),
    Entry::new("Pistol Squat", P::SingleLeg, Strength, &[], &["quadriceps", "glutes"], Advanced, Bodyweight).tag(DEEP_KNEE).each_side(),
    // Core.
    Entry::new("Dead Bug", P::Core, Core, &[], &["abdominals"], Beginner, Bodyweight).each_side(),
    Entry::new("Plank", P::Core, Core, &[], &["abdominals"], Beginner, Bodyweight).timed().aka(&["Front Plank"]),
    Entry::new("Pallof Press", P::Core, Core, &["resistance_band"], &["obliques", "abdominals"], Beginner, Bodyweight).each_side(),
    Entry::new("Side Plank", P::Core, Core, &[], &["obliques"], Beginner, Bodyweight).timed(),
    Entry::new("Bird Dog", P::Core, Core, &[], &["lower_back", "abdominals"], Beginner, Bodyweight).each_side(),
    Entry::new("Hollow Hold", P::Core, Core, &[], &["abdominals"], Intermediate, Bodyweight).timed(),
    // Carries.
    Entry::new("Suitcase Carry", P::Carry, Carry, &["kettlebell"], &["obliques", "forearms"], Beginner, External).timed().aka(&["Kettlebell Suitcase Carry"]),
    Entry::new("Farmer's Carry", P::Carry, Carry, &["dumbbell"], &["forearms", "trapezius"], Beginner, External).timed().aka(&["Farmer's Walk", "Farmers Carry", "Farmer Carry"]),
    Entry::new("Dumbbell Suitcase Carry", P::Carry, Carry, &["dumbbell"], &["obliques", "forearms"], Beginner, External).timed(),
    Entry::new("Bear Crawl", P::Carry, Core, &[], &["shoulders", "abdominals"], Beginner, Bodyweight).timed(),
];

/// The library entry with this name or alias, compared after normalisation.
pub(crate) fn find(key: &str) -> Option<&'static Entry> {
    LIBRARY.iter().find(|entry| {
        std::iter::once(entry.name)
            .chain(entry.aliases.iter().copied())
            .any(|name| replog_core::normalize_name(name) == key)
    })
}

/// Whether the athlete has everything the entry needs (in their own spelling).
#[cfg(test)]
pub(crate) fn available(entry: &Entry, equipment: &[String]) -> bool {
    entry
        .equipment
        .iter()
        .all(|id| athlete_spelling(id, equipment).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_are_unique_keys() {
        let mut keys: Vec<String> = LIBRARY
            .iter()
            .flat_map(|e| std::iter::once(e.name).chain(e.aliases.iter().copied()))
            .map(replog_core::normalize_name)
            .collect();
        let total = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), total, "a name or alias is listed twice");
    }

    #[test]
    fn every_pattern_has_a_bodyweight_or_common_option() {
        for pattern in Pattern::ALL {
            assert!(
                LIBRARY.iter().any(|e| e.pattern == pattern),
                "{pattern:?} has no entry"
            );
        }
        // With nothing but the body, only vertical pulling is impossible.
        let none: Vec<String> = Vec::new();
        for pattern in Pattern::ALL {
            let possible = LIBRARY
                .iter()
                .any(|e| e.pattern == pattern && available(e, &none));
            assert_eq!(possible, pattern != Pattern::VerticalPull, "{pattern:?}");
        }
    }

    #[test]
    fn athlete_spellings_are_matched() {
        let tommy: Vec<String> = ["barbell", "dumbbells", "Kettlebell"]
            .map(String::from)
            .to_vec();
        assert_eq!(athlete_spelling("dumbbell", &tommy), Some("dumbbells"));
        assert_eq!(athlete_spelling("barbell", &tommy), Some("barbell"));
        assert_eq!(athlete_spelling("pull_up_bar", &tommy), None);
        // Not a token: it could not be written into the document.
        assert_eq!(athlete_spelling("kettlebell", &tommy), None);
        let key = replog_core::normalize_name;
        assert_eq!(find(&key("RDL")).map(|e| e.name), Some("Romanian Deadlift"));
        assert_eq!(
            find(&key("Farmer's Walk")).map(|e| e.name),
            Some("Farmer's Carry")
        );
        assert_eq!(
            find(&key("bent over barbell row")).map(|e| e.name),
            Some("Bent-Over Barbell Row")
        );
    }
}
