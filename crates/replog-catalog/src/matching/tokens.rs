//! A name as a matcher sees it: accents and case folded, abbreviations expanded, words made
//! singular, "pull up" joined to "pullup", equipment split out into a set, and each remaining
//! word marked as naming the movement or only qualifying it (grip, stance, position).

use unicode_normalization::char::is_combining_mark;

use super::vocabulary::{
    EQUIPMENT_PHRASES, EquipmentSet, SYNONYMS, expand, is_modifier, is_stopword, singular,
};

/// The longest phrase of [`EQUIPMENT_PHRASES`] or [`SYNONYMS`], in words.
const LONGEST_PHRASE: usize = 4;

/// One word of a name after folding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// The folded, singular word.
    pub(crate) text: String,
    /// Whether it only qualifies the movement (see [`super::vocabulary::MODIFIERS`]).
    pub(crate) modifier: bool,
}

/// A name split into its words and the equipment it names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Tokens {
    /// The movement and modifier words, in order, without equipment and stop words.
    pub(crate) words: Vec<Word>,
    /// The equipment the name names.
    pub(crate) equipment: EquipmentSet,
}

/// Splits a name into words and equipment.
pub(crate) fn tokenize(name: &str) -> Tokens {
    let words = joined_particles(expanded(&folded_words(name)));
    let mut tokens = Tokens::default();
    let mut at = 0;
    while at < words.len() {
        let rest = words.get(at..).unwrap_or_default();
        if let Some((length, equipment)) = equipment_phrase(rest) {
            tokens.equipment |= equipment;
            // "Bench Press with Bands" is a variation of the bench press that adds bands: the
            // added equipment also counts as a word, so the plain lift stays the nearer.
            if at > 0
                && words.get(at - 1).is_some_and(|w| w == "with")
                && let Some(last) = words.get(at + length - 1)
            {
                push(&mut tokens.words, last);
            }
            at += length;
        } else if let Some((length, replacement)) = synonym(rest) {
            for word in replacement {
                push(&mut tokens.words, word);
            }
            at += length;
        } else {
            if let Some(word) = words.get(at) {
                push(&mut tokens.words, word);
            }
            at += 1;
        }
    }
    // "Bench" alone is how logs write the bench press.
    if let [only] = tokens.words.as_slice()
        && only.text == "bench"
    {
        push(&mut tokens.words, "press");
    }
    tokens
}

/// The equipment a catalog's `equipment` tokens name (`e_z_curl_bar`, `kettlebells`,
/// `body_only`), read with the same phrases as names.
pub(crate) fn equipment_of<S: AsRef<str>>(tokens: &[S]) -> EquipmentSet {
    tokens
        .iter()
        .fold(0, |set, token| set | tokenize(token.as_ref()).equipment)
}

fn push(words: &mut Vec<Word>, text: &str) {
    if !is_stopword(text) {
        words.push(Word {
            text: text.to_owned(),
            modifier: is_modifier(text),
        });
    }
}

/// Lower-case words without accents ("Bänch" -> "banch"), split at anything that is not a
/// letter or digit.
fn folded_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in replog_core::unicode::nfkd(name)
        .chars()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Abbreviations expanded and every word singular.
fn expanded(words: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len() + 2);
    for word in words {
        match expand(word) {
            Some(long) => out.extend(long.iter().map(|w| (*w).to_owned())),
            None => out.push(singular(word).to_owned()),
        }
    }
    out
}

/// "pull up", "pull-ups" and "pullups" all become "pullup"; likewise "down".
fn joined_particles(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for word in words {
        let particle = match word.as_str() {
            "up" | "ups" => Some("up"),
            "down" | "downs" => Some("down"),
            _ => None,
        };
        match (particle, out.last_mut()) {
            (Some(particle), Some(last)) if !last.ends_with("up") && !last.ends_with("down") => {
                last.push_str(particle);
            }
            _ => out.push(word),
        }
    }
    out
}

fn equipment_phrase(words: &[String]) -> Option<(usize, EquipmentSet)> {
    (1..=LONGEST_PHRASE.min(words.len()))
        .rev()
        .find_map(|length| {
            let head = words.get(..length)?;
            EQUIPMENT_PHRASES
                .iter()
                .find(|(phrase, _)| phrase.iter().eq(head.iter()))
                .map(|(_, equipment)| (length, equipment.bit()))
        })
}

fn synonym(words: &[String]) -> Option<(usize, &'static [&'static str])> {
    (1..=LONGEST_PHRASE.min(words.len()))
        .rev()
        .find_map(|length| {
            let head = words.get(..length)?;
            SYNONYMS
                .iter()
                .find(|(phrase, _)| phrase.iter().eq(head.iter()))
                .map(|(_, replacement)| (length, *replacement))
        })
}

#[cfg(test)]
mod tests {
    use super::super::vocabulary::Equipment;
    use super::*;

    fn texts(name: &str) -> Vec<String> {
        tokenize(name).words.into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn splits_equipment_wherever_it_is() {
        for name in [
            "Bench Press (Dumbbell)",
            "Dumbbell Bench Press",
            "DB bench press",
            "Bench Press, Dumbbells",
        ] {
            let tokens = tokenize(name);
            assert_eq!(tokens.equipment, Equipment::Dumbbell.bit(), "{name}");
            assert_eq!(texts(name), ["bench", "press"], "{name}");
        }
    }

    /// The converters' equipment ids (`convert::vocabulary`) and the matcher's phrases are
    /// one vocabulary: each id the converters write names at most one implement to the
    /// matcher, and the source word it came from (plural or not) names the same one.
    #[test]
    fn converter_equipment_ids_read_as_one_implement() {
        use crate::convert::vocabulary::{EquipmentWord, equipment, known_words};
        for word in known_words().0 {
            let Some(EquipmentWord::Ids(ids)) = equipment(word) else {
                continue;
            };
            for id in ids {
                let bits = tokenize(id).equipment;
                assert!(bits.count_ones() <= 1, "{id} reads as {bits:#b}");
                assert_eq!(tokenize(word).equipment, bits, "{word:?} and its id {id}");
            }
        }
        assert_eq!(tokenize("cable_machine").equipment, Equipment::Cable.bit());
        assert_eq!(tokenize("dumbbells").equipment, Equipment::Dumbbell.bit());
    }

    #[test]
    fn expands_joins_and_folds() {
        assert_eq!(texts("RDL"), ["romanian", "deadlift"]);
        assert_eq!(texts("Pull-ups"), ["pullup"]);
        assert_eq!(texts("pull up"), ["pullup"]);
        assert_eq!(texts("Lat Pull Down"), ["lat", "pulldown"]);
        assert_eq!(texts("Bänch Préss"), ["banch", "press"]);
        assert_eq!(texts("Military Press"), ["overhead", "press"]);
        assert_eq!(texts("BB Bench"), ["bench", "press"]);
        assert_eq!(
            tokenize("e_z_curl_bar").equipment,
            Equipment::EzBar.bit(),
            "catalog tokens"
        );
        assert!(tokenize("Wide-Grip Lat Pulldown").words[0].modifier);
        assert_eq!(
            texts("Bench Press - With Bands"),
            ["bench", "press", "band"]
        );
        assert_eq!(texts("Incline Bench Press"), ["incline", "press"]);
    }
}
