//! What the coach's notes and directions ask of the program: body parts flagged (a knee, a
//! shoulder, the lower back, an ankle), exercises to leave out or to bring in, loads to hold,
//! a call for more explosive work, and in the directions the number of days and weeks.
//!
//! The reading is deliberately literal: a note counts only for what it names. "Watch left
//! knee on lunges" flags the knee (no landings from jumps, no pistols) and names lunges (none
//! this block); "hold 35 lb" after an exercise's name holds that exercise at 35 lb. Notes are
//! read oldest first, so a later "knee cleared by the physio" lifts an earlier flag.

use replog_core::context::NoteEntry;
use replog_core::{Date, Unit};

use super::library::{DEEP_KNEE, JUMP, OVERHEAD, SPINE};

/// Where a constraint comes from, for the reasoning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cite {
    /// The note's date; `None` for the coach's directions.
    pub(crate) date: Option<Date>,
    /// The note or the directions, as written.
    pub(crate) text: String,
}

impl Cite {
    /// `coach note 2026-03-20 "Watch left knee on lunges"` or `directions "..."`.
    pub(crate) fn describe(&self) -> String {
        match self.date {
            Some(date) => format!("coach note {date} \"{}\"", self.text.trim()),
            None => format!("coach directions \"{}\"", self.text.trim()),
        }
    }
}

/// A body part a note or the directions flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyPart {
    Knee,
    Shoulder,
    Back,
    Ankle,
}

impl BodyPart {
    const ALL: [BodyPart; 4] = [Self::Knee, Self::Shoulder, Self::Back, Self::Ankle];

    /// The library tags a flag on this body part excludes.
    pub(crate) fn excludes(self) -> u8 {
        match self {
            Self::Knee => JUMP | DEEP_KNEE,
            Self::Shoulder => OVERHEAD,
            Self::Back => SPINE,
            Self::Ankle => JUMP,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Knee => "knee",
            Self::Shoulder => "shoulder",
            Self::Back => "lower back",
            Self::Ankle => "ankle",
        }
    }

    /// What a flag on this body part leaves out, in words.
    pub(crate) fn consequence(self) -> &'static str {
        match self {
            Self::Knee => "no box jumps, depth jumps, bounds, hops or jumping lunges, no pistols",
            Self::Shoulder => "no overhead pressing",
            Self::Back => "no heavy spinal loading (back squats, barbell deadlifts)",
            Self::Ankle => "no jumps or landings",
        }
    }

    /// Whether the words name this body part.
    fn named_in(self, text: &str) -> bool {
        match self {
            Self::Knee => text.contains(" knee "),
            Self::Shoulder => text.contains(" shoulder ") || text.contains(" rotator cuff "),
            Self::Ankle => text.contains(" ankle "),
            // "back squat" and "back off" are not the back.
            Self::Back => {
                text.contains(" lower back ")
                    || text
                        .split(' ')
                        .zip(text.split(' ').skip(1))
                        .any(|(w, next)| {
                            w == "back"
                                && !matches!(
                                    next,
                                    "squat" | "off" | "to" | "in" | "on" | "down" | "up"
                                )
                        })
            }
        }
    }
}

/// An exercise a note names: one exact exercise, or a family word shared by several.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Named {
    /// An exercise's words (`suitcase carry`).
    Exercise(String),
    /// A family word (`lunge`): every exercise with that word in its name.
    Family(&'static str),
}

impl Named {
    /// Whether an exercise name (in [`words`] form, spaces around) is what is named.
    pub(crate) fn matches(&self, name_words: &str) -> bool {
        match self {
            Self::Exercise(words) => name_words.trim() == words,
            Self::Family(word) => name_words.contains(&format!(" {word} ")),
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Exercise(words) => words.clone(),
            Self::Family(word) => format!("{word}s"),
        }
    }
}

/// Family words a note may name, in singular [`words`] form.
const FAMILIES: &[&str] = &[
    "lunge", "jump", "bound", "hop", "squat", "deadlift", "clean", "snatch", "bench", "row",
    "pull up", "chin up", "carry", "plank", "swing", "step up", "pistol", "bridge",
];

const CONCERN: &[&str] = &[
    "watch",
    "pain",
    "painful",
    "sore",
    "soreness",
    "injury",
    "injured",
    "tweak",
    "tweaked",
    "strain",
    "strained",
    "sprain",
    "sprained",
    "hurt",
    "careful",
    "caution",
    "rehab",
    "tendinitis",
    "tendonitis",
    "irritated",
    "irritation",
    "flare",
    "flagged",
    "issue",
    "concern",
    "ache",
    "achy",
    "tender",
    "swelling",
    "swollen",
    "protect",
    "surgery",
];
const CLEARED: &[&str] = &[
    " cleared ",
    " healed ",
    " recovered ",
    " fine now ",
    " no pain ",
    " pain free ",
    " resolved ",
    " good to go ",
];
const AVOID: &[&str] = &[
    " no ",
    " avoid ",
    " skip ",
    " without ",
    " stop ",
    " drop ",
    " remove ",
];
const HOLD: &[&str] = &[" hold ", " keep ", " stay ", " cap ", " stick ", " max "];
const MORE: &[&str] = &[
    " increase ",
    " more ",
    " ready ",
    " add ",
    " progress ",
    " build ",
];
const EXPLOSIVE: &[&str] = &[" explosive ", " power ", " plyo ", " plyometric ", " jump "];
const INTRODUCE: &[&str] = &[
    " introduce ",
    " introducing ",
    " include ",
    " start ",
    " add ",
];

/// A load a note holds an exercise at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hold {
    pub(crate) named: Named,
    /// In the program's unit.
    pub(crate) weight: f64,
    pub(crate) cite: Cite,
}

/// Everything the notes and directions ask for.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Constraints {
    /// Flagged body parts, each with the note that flagged it last.
    pub(crate) flags: Vec<(BodyPart, Cite)>,
    /// Library tags excluded by the directions themselves ("no overhead", "no jumps").
    pub(crate) excluded_tags: Vec<(u8, &'static str, Cite)>,
    /// Exercises or families to leave out.
    pub(crate) excluded: Vec<(Named, Cite)>,
    /// Equipment the directions rule out ("no barbell").
    pub(crate) excluded_equipment: Vec<(String, Cite)>,
    /// Loads to hold.
    pub(crate) holds: Vec<Hold>,
    /// Exercises to bring in.
    pub(crate) wanted: Vec<(Named, Cite)>,
    /// A call for more explosive work.
    pub(crate) more_explosive: Option<Cite>,
    /// Days per week the directions ask for.
    pub(crate) days: Option<u32>,
    /// Weeks the directions ask for.
    pub(crate) weeks: Option<u32>,
}

impl Constraints {
    /// The library tags every flag and direction excludes together.
    pub(crate) fn excluded_tag_mask(&self) -> u8 {
        let flags = self
            .flags
            .iter()
            .fold(0, |mask, (part, _)| mask | part.excludes());
        self.excluded_tags
            .iter()
            .fold(flags, |mask, (tags, _, _)| mask | tags)
    }

    /// Whether a body part is flagged.
    pub(crate) fn flagged(&self, part: BodyPart) -> bool {
        self.flags.iter().any(|(p, _)| *p == part)
    }

    /// Why an exercise (in [`words`] form) is left out by name, if it is.
    pub(crate) fn exclusion(&self, name_words: &str) -> Option<&(Named, Cite)> {
        self.excluded
            .iter()
            .find(|(named, _)| named.matches(name_words))
    }

    /// The load an exercise (in [`words`] form) is held at, if any.
    pub(crate) fn hold(&self, name_words: &str) -> Option<&Hold> {
        self.holds
            .iter()
            .rev()
            .find(|h| h.named.matches(name_words))
    }
}

/// Reads the coach's notes (oldest first) and then the directions. `names` are the exercise
/// names a note may name exactly (library and history names); `unit` is the program's.
pub(crate) fn read(
    notes: &[NoteEntry],
    directions: Option<&str>,
    names: &[String],
    unit: Unit,
) -> Constraints {
    let mut constraints = Constraints::default();
    let mut ordered: Vec<&NoteEntry> = notes.iter().collect();
    ordered.sort_by_key(|note| note.date);
    let name_words: Vec<String> = names.iter().map(|name| words(name)).collect();
    for note in ordered {
        let cite = Cite {
            date: Some(note.date),
            text: note.content.clone(),
        };
        read_one(&mut constraints, &note.content, &cite, &name_words, unit);
    }
    if let Some(text) = directions.filter(|d| !d.trim().is_empty()) {
        let cite = Cite {
            date: None,
            text: text.to_owned(),
        };
        read_one(&mut constraints, text, &cite, &name_words, unit);
        read_directions(&mut constraints, text, &cite);
    }
    constraints
}

fn read_one(c: &mut Constraints, original: &str, cite: &Cite, names: &[String], unit: Unit) {
    let text = words(original);
    let concern = CONCERN.iter().any(|w| text.contains(&format!(" {w} ")));
    let cleared = CLEARED.iter().any(|w| text.contains(w));
    let mut flagged_here = false;
    for part in BodyPart::ALL {
        if !part.named_in(&text) {
            continue;
        }
        c.flags.retain(|(p, _)| *p != part);
        if concern && !cleared {
            c.flags.push((part, cite.clone()));
            flagged_here = true;
        }
    }
    // "No" and "introduce" bind within a clause: "no overhead work, start introducing hang
    // cleans" leaves out overhead work and brings in hang cleans. A flagged body part binds
    // the whole note: "Watch left knee on lunges".
    for clause in original.split(['.', ';', ',', '!', '?', '\n']) {
        let clause = words(clause);
        let avoid = AVOID.iter().any(|w| clause.contains(w));
        let named = named_in(&clause, names);
        if (flagged_here || avoid) && !cleared {
            for n in &named {
                if !c.excluded.iter().any(|(e, _)| e == n) {
                    c.excluded.push((n.clone(), cite.clone()));
                }
            }
        } else if INTRODUCE.iter().any(|w| clause.contains(w)) {
            for n in named {
                if !c.wanted.iter().any(|(w, _)| *w == n) {
                    c.wanted.push((n, cite.clone()));
                }
            }
        }
    }
    // A hold names its exercise anywhere in the note: "Grip fatigue on suitcase carries;
    // hold 35 lb for now."
    if HOLD.iter().any(|w| text.contains(w)) {
        if let (Some(weight), Some(n)) = (weight_in(&text, unit), named_in(&text, names).first()) {
            c.holds.push(Hold {
                named: n.clone(),
                weight,
                cite: cite.clone(),
            });
        }
    }
    if MORE.iter().any(|w| text.contains(w)) && EXPLOSIVE.iter().any(|w| text.contains(w)) {
        c.more_explosive = Some(cite.clone());
    }
}

/// The rules only the directions carry: days, weeks, "no overhead", "no jumps", "no barbell".
fn read_directions(c: &mut Constraints, text: &str, cite: &Cite) {
    let text = words(text);
    c.days = count_before(&text, "day").filter(|d| (1..=7).contains(d));
    c.weeks = count_before(&text, "week").filter(|w| (1..=52).contains(w));
    let avoid = |what: &str| AVOID.iter().any(|a| text.contains(&format!("{a}{what} ")));
    if avoid("overhead") {
        c.excluded_tags
            .push((OVERHEAD, "overhead pressing", cite.clone()));
    }
    if avoid("jump") || avoid("jumping") || avoid("plyo") || avoid("plyometric") {
        c.excluded_tags
            .push((JUMP, "jumps and landings", cite.clone()));
    }
    for item in ["barbell", "dumbbell", "kettlebell", "band", "box"] {
        if avoid(item) {
            c.excluded_equipment.push((item.to_owned(), cite.clone()));
        }
    }
}

/// The exercises a text names: exact names first (longest first, so "suitcase carry" wins
/// over "carry"), then the families whose word is not part of an exact name found.
fn named_in(text: &str, names: &[String]) -> Vec<Named> {
    let mut found: Vec<Named> = Vec::new();
    let mut sorted: Vec<&String> = names.iter().collect();
    sorted.sort_by_key(|name| std::cmp::Reverse(name.len()));
    let mut exact: Vec<&str> = Vec::new();
    for name in sorted {
        if text.contains(name.as_str()) && !exact.iter().any(|e| e.contains(name.trim())) {
            exact.push(name.trim());
            found.push(Named::Exercise(name.trim().to_owned()));
        }
    }
    for family in FAMILIES {
        let padded = format!(" {family} ");
        if text.contains(&padded) && !exact.iter().any(|e| format!(" {e} ").contains(&padded)) {
            found.push(Named::Family(family));
        }
    }
    found
}

/// The number written before `unit` ("3 days", "3-day", "three days"), if any.
fn count_before(text: &str, unit: &str) -> Option<u32> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    tokens.windows(2).find_map(|pair| {
        let [number, word] = pair else { return None };
        if *word != unit {
            return None;
        }
        number.parse().ok().or_else(|| {
            const WORDS: [&str; 7] = ["one", "two", "three", "four", "five", "six", "seven"];
            WORDS
                .iter()
                .position(|w| w == number)
                .and_then(|i| u32::try_from(i + 1).ok())
        })
    })
}

/// A weight written as a number and a unit ("35 lb", "16kg"), converted to `unit`.
fn weight_in(text: &str, unit: Unit) -> Option<f64> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    tokens.windows(2).find_map(|pair| {
        let [number, word] = pair else { return None };
        let value: f64 = number
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v > 0.0)?;
        let given = match *word {
            "lb" | "pound" => Unit::Lb,
            "kg" | "kilo" | "kilogram" => Unit::Kg,
            _ => return None,
        };
        Some(match (given, unit) {
            (Unit::Lb, Unit::Kg) => value * 0.453_592_37,
            (Unit::Kg, Unit::Lb) => value / 0.453_592_37,
            _ => value,
        })
    })
}

/// Text as padded singular lower-case words: `" watch left knee on lunge "`. Hyphens and
/// punctuation separate words; digits and letters are split apart ("35lb" is "35 lb"); a
/// decimal point inside a number is kept.
pub(crate) fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            out.push_str(singular(word));
            out.push(' ');
            word.clear();
        }
    };
    let mut previous: Option<char> = None;
    for ch in text.chars().flat_map(char::to_lowercase) {
        let digit = ch.is_ascii_digit();
        let keep_point = ch == '.' && previous.is_some_and(|p| p.is_ascii_digit());
        if ch.is_alphanumeric() || keep_point {
            let switch = previous.is_some_and(|p| {
                (p.is_ascii_digit() || p == '.') != (digit || keep_point) && !word.is_empty()
            });
            if switch {
                flush(&mut word, &mut out);
            }
            word.push(ch);
        } else {
            // Anything else separates words: "farmer's" reads as "farmer s".
            flush(&mut word, &mut out);
        }
        previous = Some(ch);
    }
    flush(&mut word, &mut out);
    out
}

/// A word's singular, by the few rules exercise names need: "carries" "carry", "presses"
/// "press", "lunges" "lunge", "jumps" "jump"; words ending in "ss" or "us" stay.
fn singular(word: &str) -> &str {
    let n = word.len();
    if word == "carries" {
        return "carry";
    }
    if n > 4 && (word.ends_with("sses") || word.ends_with("ches") || word.ends_with("shes")) {
        return &word[..n - 2];
    }
    if n >= 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return &word[..n - 1];
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(date: &str, content: &str) -> NoteEntry {
        NoteEntry {
            date: date.parse().unwrap(),
            content: content.into(),
            private: false,
            pinned: false,
        }
    }

    fn names() -> Vec<String> {
        ["Suitcase Carry", "Reverse Lunge", "Hang Clean", "Box Jump"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn words_are_padded_singular_and_split() {
        assert_eq!(
            words("Watch left knee on lunges."),
            " watch left knee on lunge "
        );
        assert_eq!(words("hold 35lb; pull-ups"), " hold 35 lb pull up ");
        assert_eq!(
            words("Farmer's carries at 32.5 kg"),
            " farmer s carry at 32.5 kg "
        );
        assert_eq!(words("3-day press"), " 3 day press ");
    }

    #[test]
    fn a_knee_note_flags_the_knee_and_names_lunges() {
        let c = read(
            &[note("2026-03-20", "Watch left knee on lunges")],
            None,
            &names(),
            Unit::Lb,
        );
        assert!(c.flagged(BodyPart::Knee));
        assert_eq!(c.excluded_tag_mask() & JUMP, JUMP);
        assert!(c.exclusion(&words("Reverse Lunge")).is_some());
        assert!(c.exclusion(&words("Jumping Lunge")).is_some());
        assert!(c.exclusion(&words("Split Squat")).is_none());
    }

    #[test]
    fn a_later_note_clears_a_flag() {
        let c = read(
            &[
                note("2026-04-01", "Knee cleared by the physio, no pain"),
                note("2026-03-01", "Sore knee after practice"),
            ],
            None,
            &names(),
            Unit::Lb,
        );
        assert!(!c.flagged(BodyPart::Knee));
    }

    #[test]
    fn holds_explosive_work_and_wanted_exercises() {
        let c = read(
            &[
                note(
                    "2026-04-10",
                    "Grip fatigue on suitcase carries; hold 35 lb for now.",
                ),
                note("2026-04-08", "Ready to increase explosive work."),
            ],
            Some("Start introducing hang cleans, 4 days a week, no overhead"),
            &names(),
            Unit::Kg,
        );
        let hold = c.hold(&words("Suitcase Carry")).unwrap();
        assert!((hold.weight - 15.88).abs() < 0.01, "{}", hold.weight);
        assert!(c.hold(&words("Farmer's Carry")).is_none());
        assert!(c.more_explosive.is_some());
        assert_eq!(c.wanted[0].0, Named::Exercise("hang clean".into()));
        assert_eq!(c.days, Some(4));
        assert_eq!(c.excluded_tag_mask() & OVERHEAD, OVERHEAD);
        assert!(!c.flagged(BodyPart::Back), "no back named");
    }

    #[test]
    fn back_squat_is_not_the_back() {
        let c = read(
            &[note("2026-03-01", "Watch depth on back squats")],
            None,
            &names(),
            Unit::Lb,
        );
        assert!(!c.flagged(BodyPart::Back));
        let c = read(
            &[note("2026-03-01", "Lower back sore after deadlifts")],
            Some("six weeks, no jumping"),
            &names(),
            Unit::Lb,
        );
        assert!(c.flagged(BodyPart::Back));
        assert_eq!(c.weeks, Some(6));
        assert_eq!(c.excluded_tag_mask() & JUMP, JUMP);
        assert!(c.exclusion(&words("Romanian Deadlift")).is_some());
    }
}
