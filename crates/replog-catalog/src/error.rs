//! The error type of `replog-catalog`.

use std::fmt;

use replog_core::Issue;
use thiserror::Error;

/// What can go wrong in `replog-catalog`.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// The document breaks the contract; every issue is inside.
    #[error(transparent)]
    Invalid(Box<InvalidDocument>),
    /// An app export could not be imported.
    #[cfg(feature = "apps")]
    #[error(transparent)]
    Import(#[from] crate::apps::ImportError),
    /// An import plan that cannot be applied; every conflict is inside.
    #[error(transparent)]
    Plan(#[from] crate::plan::PlanError),
    /// A core operation failed.
    #[error(transparent)]
    Core(#[from] replog_core::CoreError),
}

/// The kinds of document the validator reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// A CatalogJSON v1 document (`spec/catalog-json.md`).
    Catalog,
    /// A Logbook JSON v1 document (`spec/logbook-json.md`).
    Logbook,
}

impl DocumentKind {
    /// The format's name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Catalog => "CatalogJSON",
            Self::Logbook => "Logbook JSON",
        }
    }
}

/// A document that failed validation, with every issue found (errors and warnings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidDocument {
    /// What kind of document it was.
    pub kind: DocumentKind,
    /// Every issue, in document order.
    pub issues: Vec<Issue>,
}

impl InvalidDocument {
    /// The issues that make the document invalid.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|issue| issue.is_error())
    }
}

impl fmt::Display for InvalidDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors().count();
        write!(
            f,
            "invalid {} document ({count} error{}):",
            self.kind.name(),
            if count == 1 { "" } else { "s" }
        )?;
        for issue in self.errors() {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidDocument {}
