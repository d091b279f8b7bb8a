//! Unicode normalization for name keys and matching, in one place: compatibility
//! composition (NFKC) and decomposition (NFKD).
//!
//! Natively the `unicode-normalization` crate's tables do it. With the `js-unicode` feature on
//! `wasm32`, the JavaScript engine's `String.prototype.normalize` does it instead, so a
//! browser module does not carry tables the browser already has (about 60 KB gzipped; the
//! same idea as `getrandom`'s `js` feature). Unicode's normalization stability policy keeps the
//! two equal for every character both Unicode versions assign; a character newer than the
//! browser's Unicode is left as it is there.
//!
//! Callers take the ASCII fast path themselves: ASCII text is its own normal form.

use std::borrow::Cow;

/// The NFKC form of `text`.
pub fn nfkc(text: &str) -> Cow<'_, str> {
    normalize(text, Form::Nfkc)
}

/// The NFKD form of `text`.
pub fn nfkd(text: &str) -> Cow<'_, str> {
    normalize(text, Form::Nfkd)
}

#[derive(Clone, Copy)]
enum Form {
    Nfkc,
    Nfkd,
}

#[cfg(not(all(feature = "js-unicode", target_arch = "wasm32")))]
fn normalize(text: &str, form: Form) -> Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(match form {
        Form::Nfkc => text.nfkc().collect(),
        Form::Nfkd => text.nfkd().collect(),
    })
}

#[cfg(all(feature = "js-unicode", target_arch = "wasm32"))]
fn normalize(text: &str, form: Form) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let form = match form {
        Form::Nfkc => "NFKC",
        Form::Nfkd => "NFKD",
    };
    Cow::Owned(String::from(js_sys::JsString::from(text).normalize(form)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compatibility_forms() {
        assert_eq!(nfkc("ﬁt Ｂａｃｋ e\u{301}"), "fit Back é");
        assert_eq!(nfkd("é"), "e\u{301}");
        assert!(matches!(nfkc("plain"), Cow::Borrowed("plain")));
    }
}
