"""The exceptions replog raises; the native module builds them from the Rust errors."""

from __future__ import annotations

import json as _json
from typing import Any

__all__ = [
    "ReplogError",
    "ValidationError",
    "ConfigurationError",
    "ImportFailed",
    "PlanError",
    "GenerationError",
    "InvalidOutputError",
    "ProviderError",
    "AuthenticationError",
    "RateLimitError",
    "ProviderTimeoutError",
    "RefusalError",
    "TruncatedError",
    "ProviderUnavailableError",
]


class ReplogError(Exception):
    """The base of every error replog raises."""


class ValidationError(ReplogError, ValueError):
    """A document broke its contract; every issue is in ``issues``.

    Shaped like pydantic's ``ValidationError``: ``errors()``, ``error_count()``, ``json()``.
    """

    #: Every issue of the document (errors and warnings), in document order.
    issues: list[Any]
    #: The kind of document: ``"CatalogJSON"`` or ``"Logbook JSON"``.
    title: str

    def __init__(self, title: str, issues: list[Any] | None = None) -> None:
        self.title = title
        self.issues = list(issues or [])
        super().__init__(title)

    def errors(self) -> list[dict[str, Any]]:
        """The errors (not the warnings) as dicts: ``type``, ``loc``, ``msg``, ``path``, ``severity``."""
        return [
            {
                "type": issue.code,
                "loc": issue.loc,
                "msg": issue.message,
                "path": issue.path,
                "severity": issue.severity,
            }
            for issue in self.issues
            if issue.severity == "error"
        ]

    def error_count(self) -> int:
        """How many errors the document has."""
        return sum(1 for issue in self.issues if issue.severity == "error")

    def json(self, *, indent: int | None = None) -> str:
        """``errors()`` as JSON text."""
        return _json.dumps(self.errors(), indent=indent)

    def __str__(self) -> str:
        count = self.error_count()
        lines = [f"{count} validation error{'' if count == 1 else 's'} for {self.title}"]
        for issue in self.issues:
            if issue.severity == "error":
                lines.append(f"{issue.path or '/'}\n  {issue.message} [type={issue.code}]")
        return "\n".join(lines)


class ConfigurationError(ReplogError):
    """A setting is missing or does not fit (a bad provider name, a key that cannot be read)."""


class ImportFailed(ReplogError):
    """An app export could not be imported (the message names the row and the reason)."""


class PlanError(ReplogError):
    """An import plan cannot be applied (its conflicts are in the message)."""


class GenerationError(ReplogError):
    """A generation failed: ``code``, the provider calls made (``attempts``), the tokens spent
    (``usage``), the remaining ``issues`` and the weeks kept for a resume (``weeks_kept``)."""

    code: str = "generation"
    attempts: int = 0
    usage: dict[str, int] = {}
    issues: list[Any] = []
    weeks_kept: list[int] = []


class InvalidOutputError(GenerationError):
    """The model's answers still broke the rules (or were not JSON) after every re-ask."""


class ProviderError(GenerationError):
    """The provider failed after its retries."""


class AuthenticationError(ProviderError):
    """The provider refused the credentials."""


class RateLimitError(ProviderError):
    """The provider kept answering 429 past the retries."""


class ProviderTimeoutError(ProviderError, TimeoutError):
    """The provider did not answer in time."""


class RefusalError(ProviderError):
    """The model refused, or a content filter stopped it."""


class TruncatedError(ProviderError):
    """The answer hit the output token limit."""


class ProviderUnavailableError(ProviderError):
    """The provider could not be reached or failed (connection, 5xx, malformed answers)."""
