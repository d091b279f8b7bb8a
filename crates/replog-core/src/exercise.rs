//! Exercises of a catalog: what a movement is called, what it needs and what it trains.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::limits::{
    EXERCISE_NAME_MAX, FORM_NOTES_MAX, MAX_ALIASES, NON_BLANK_PATTERN, TOKEN_PATTERN,
};

/// An exercise of the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// The exercise's name, unique in the catalog after normalisation (1-100 characters).
    #[schemars(length(min = 1, max = EXERCISE_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub name: String,
    /// Other names the exercise goes by (each 1-100 characters, at most 20).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        length(max = MAX_ALIASES),
        inner(length(min = 1, max = EXERCISE_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))
    )]
    pub aliases: Vec<String>,
    /// The athlete tier the exercise is meant for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// The kind of training the exercise is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Every piece of equipment needed to perform it (snake_case); empty means bodyweight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = TOKEN_PATTERN)))]
    pub equipment: Vec<String>,
    /// The muscles it trains (snake_case).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = TOKEN_PATTERN)))]
    pub muscles: Vec<String>,
    /// Coaching cues for performing it well (at most 2000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = FORM_NOTES_MAX))]
    pub form_notes: Option<String>,
}

impl Exercise {
    /// An exercise with only a name: bodyweight, no aliases, no metadata.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            aliases: Vec::new(),
            tier: None,
            category: None,
            equipment: Vec::new(),
            muscles: Vec::new(),
            form_notes: None,
        }
    }

    /// Whether the exercise can be done with nothing but the athlete's body.
    pub fn is_bodyweight(&self) -> bool {
        self.equipment.is_empty()
    }
}

/// The athlete tier an exercise is meant for (reference/001's youth pipeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Movement basics.
    Foundational,
    /// Loaded strength work.
    Intermediate,
    /// Power and sport-specific work.
    SportPerformance,
}

/// The kind of training an exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Strength.
    Strength,
    /// Power.
    Power,
    /// Olympic lifts and their derivatives.
    Olympic,
    /// Jumps, bounds and throws.
    Plyometric,
    /// Conditioning.
    Conditioning,
    /// Mobility.
    Mobility,
    /// Loaded carries.
    Carry,
    /// Trunk work.
    Core,
}
