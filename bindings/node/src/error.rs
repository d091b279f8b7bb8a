//! Misuse of the API (bad options, unreadable arguments) as thrown JavaScript errors; every
//! outcome about a document or an LLM comes back as a value instead.

/// A `TypeError`-like error for bad options, with a message naming the option and the problem.
pub(crate) fn misuse(message: impl Into<String>) -> napi::Error {
    napi::Error::new(napi::Status::InvalidArg, message.into())
}
