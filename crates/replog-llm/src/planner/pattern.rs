//! Movement patterns: the slots a balanced program fills, and a keyword reading of exercise
//! names for the athlete's own exercises that the built-in library does not know.

use serde::Serialize;

/// What a movement trains, as strength coaches group exercises for balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// Olympic lifts, swings and throws: force produced fast, no landing.
    Power,
    /// Jumps, bounds and hops: a take-off and a landing.
    Plyometric,
    /// Two-legged knee-dominant lifts (squats).
    Squat,
    /// Hip-dominant lifts (deadlifts, bridges).
    Hinge,
    /// Pressing away from the chest.
    HorizontalPush,
    /// Pressing overhead.
    VerticalPush,
    /// Rowing towards the chest.
    HorizontalPull,
    /// Pulling down from overhead.
    VerticalPull,
    /// One leg at a time (lunges, split squats, step-ups, single-leg hinges).
    SingleLeg,
    /// Trunk stability.
    Core,
    /// Loaded carries and crawls.
    Carry,
}

impl Pattern {
    /// Every pattern, in the order a day is laid out.
    pub const ALL: [Pattern; 11] = [
        Self::Power,
        Self::Plyometric,
        Self::Squat,
        Self::Hinge,
        Self::HorizontalPush,
        Self::VerticalPush,
        Self::HorizontalPull,
        Self::VerticalPull,
        Self::SingleLeg,
        Self::Core,
        Self::Carry,
    ];

    /// The pattern in words (`horizontal push`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Power => "power",
            Self::Plyometric => "plyometric",
            Self::Squat => "squat",
            Self::Hinge => "hinge",
            Self::HorizontalPush => "horizontal push",
            Self::VerticalPush => "vertical push",
            Self::HorizontalPull => "horizontal pull",
            Self::VerticalPull => "vertical pull",
            Self::SingleLeg => "single-leg",
            Self::Core => "core",
            Self::Carry => "carry",
        }
    }

    /// Whether the pattern pushes (for the push/pull balance).
    pub fn is_push(self) -> bool {
        matches!(self, Self::HorizontalPush | Self::VerticalPush)
    }

    /// Whether the pattern pulls (for the push/pull balance).
    pub fn is_pull(self) -> bool {
        matches!(self, Self::HorizontalPull | Self::VerticalPull)
    }

    /// Whether the pattern trains the legs with both feet down or one (squat, hinge,
    /// single-leg).
    pub fn is_lower(self) -> bool {
        matches!(self, Self::Squat | Self::Hinge | Self::SingleLeg)
    }
}

/// The pattern a name suggests, read from its words; `None` when no rule fits. Used only
/// for exercises the athlete already trains under names the library does not know, whose
/// equipment the host's catalog states; the more specific rules come first (a "split squat"
/// is single-leg, a "jump squat" a jump).
pub(crate) fn classify(name: &str) -> Option<Pattern> {
    let name = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    let pattern = if has(&["jump", "bound", "hop", "skip"]) {
        Pattern::Plyometric
    } else if has(&["clean", "snatch", "jerk", "swing", "throw", "slam", "toss"]) {
        Pattern::Power
    } else if has(&[
        "lunge",
        "split squat",
        "step up",
        "step-up",
        "pistol",
        "single leg",
        "single-leg",
        "one leg",
        "one-leg",
    ]) {
        Pattern::SingleLeg
    } else if has(&["squat"]) {
        Pattern::Squat
    } else if has(&[
        "deadlift",
        "rdl",
        "good morning",
        "hip thrust",
        "bridge",
        "pull through",
        "pull-through",
    ]) {
        Pattern::Hinge
    } else if has(&[
        "pull-up",
        "pull up",
        "pullup",
        "chin",
        "pulldown",
        "pull-down",
    ]) {
        Pattern::VerticalPull
    } else if has(&["row"]) {
        Pattern::HorizontalPull
    } else if has(&[
        "overhead",
        "shoulder press",
        "military",
        "push press",
        "arnold",
        "pike",
    ]) {
        Pattern::VerticalPush
    } else if has(&[
        "bench",
        "push-up",
        "push up",
        "pushup",
        "floor press",
        "chest press",
        "dip",
    ]) {
        Pattern::HorizontalPush
    } else if has(&["carry", "walk", "crawl"]) {
        Pattern::Carry
    } else if has(&[
        "plank",
        "dead bug",
        "pallof",
        "bird dog",
        "hollow",
        "rollout",
        "crunch",
        "sit-up",
        "leg raise",
    ]) {
        Pattern::Core
    } else {
        return None;
    };
    Some(pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_as_their_patterns() {
        assert_eq!(classify("Barbell Back Squat"), Some(Pattern::Squat));
        assert_eq!(classify("DB Split Squat"), Some(Pattern::SingleLeg));
        assert_eq!(classify("Weighted Jump Squat"), Some(Pattern::Plyometric));
        assert_eq!(classify("Trap Bar Deadlift"), Some(Pattern::Hinge));
        assert_eq!(classify("Seated Cable Row"), Some(Pattern::HorizontalPull));
        assert_eq!(
            classify("Wide-Grip Lat Pulldown"),
            Some(Pattern::VerticalPull)
        );
        assert_eq!(
            classify("Seated Overhead Press"),
            Some(Pattern::VerticalPush)
        );
        assert_eq!(
            classify("Incline Bench Press"),
            Some(Pattern::HorizontalPush)
        );
        assert_eq!(classify("Hang Power Clean"), Some(Pattern::Power));
        assert_eq!(classify("Farmer's Walk"), Some(Pattern::Carry));
        assert_eq!(classify("Side Plank"), Some(Pattern::Core));
        assert_eq!(classify("Bicep Curl"), None);
    }
}
