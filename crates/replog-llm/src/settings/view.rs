//! The admin page's view of the settings: every setting with its value (secrets masked as
//! `sk-...wxyz`), where it came from, and a "set via environment" flag (reference/001, "Admin
//! UI for settings").

use super::{Resolved, SettingDef, Settings, SettingsError, Source, Value, registry::REGISTRY};
use secrecy::ExposeSecret;

/// The fewest characters a secret needs before [`mask`] shows any of them: below this, the
/// 7 characters shown would give away too much of it.
pub const MASK_MIN_CHARS: usize = 16;

/// A secret for display: its first 3 and last 4 characters around `...` (`sk-...wxyz`), or
/// `set` when it is shorter than [`MASK_MIN_CHARS`], or empty when it is empty.
#[must_use]
pub fn mask(secret: &str) -> String {
    let count = secret.chars().count();
    if count == 0 {
        return String::new();
    }
    if count < MASK_MIN_CHARS {
        return "set".to_owned();
    }
    let head: String = secret.chars().take(3).collect();
    let tail: String = secret.chars().skip(count - 4).collect();
    format!("{head}...{tail}")
}

/// One row of the admin settings page.
#[derive(Debug)]
pub struct SettingView {
    /// The setting's key.
    pub key: &'static str,
    /// The value to show: plain for ordinary settings, [`mask`]ed for secrets; `set` for a
    /// stored secret that cannot be read (see `issue`).
    pub value: String,
    /// Where the value came from.
    pub source: Source,
    /// Whether an environment variable sets it (the page shows it read-only, with a "set via
    /// environment" badge).
    pub set_via_environment: bool,
    /// Whether it is a secret.
    pub secret: bool,
    /// One line describing it.
    pub description: &'static str,
    /// The full registry entry (variables, default, kind).
    pub def: &'static SettingDef,
    /// What is wrong with the value in force, if anything (a stored key that cannot be
    /// decrypted, an environment value out of range...).
    pub issue: Option<SettingsError>,
}

impl Settings {
    /// Every setting of the registry, in order, for an admin page.
    ///
    /// A problem with one setting's value is reported in that row's `issue`, so the page can
    /// still show the others and let the admin fix it.
    ///
    /// # Errors
    /// A store that cannot be read.
    pub fn list_for_admin(&self) -> Result<Vec<SettingView>, SettingsError> {
        REGISTRY.iter().map(|def| self.view(def)).collect()
    }

    fn view(&self, def: &'static SettingDef) -> Result<SettingView, SettingsError> {
        let row = |value: String, source: Source, issue| SettingView {
            key: def.key,
            value,
            source,
            set_via_environment: matches!(source, Source::Environment { .. }),
            secret: def.secret,
            description: def.description,
            def,
            issue,
        };
        let Resolved { source, value, .. } = match self.resolve(def.key) {
            Ok(resolved) => resolved,
            Err(error @ SettingsError::Secret { .. }) => {
                return Ok(row("set".to_owned(), Source::Store, Some(error)));
            }
            Err(error) => return Err(error),
        };
        let (shown, text) = match &value {
            Value::Plain(text) => (text.clone(), text.as_str()),
            Value::Secret(secret) => (mask(secret.expose_secret()), secret.expose_secret()),
        };
        let issue = if text.is_empty() {
            None
        } else {
            def.validate(text)
                .err()
                .map(|reason| super::invalid(def, source.origin(), text, reason))
        };
        Ok(row(shown, source, issue))
    }
}
