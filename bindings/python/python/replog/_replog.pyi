"""Type stubs of the native module `replog._replog` (checked by mypy's stubtest)."""

import os
from typing import Any, Awaitable, Callable, Literal, Optional, Sequence, Union, final

__version__: str

#: A JSON document: JSON text (``bytes``, ``bytearray``, ``str``) or parsed data.
_Document = Union[bytes, bytearray, str, dict[str, Any]]
#: Host catalogs: one CatalogJSON document or a list of them.
_Catalogs = Union[_Document, Sequence[_Document]]
_Dialect = Literal["draft2020-12", "openai-strict"]

@final
class Issue:
    """One problem found in a document."""

    @property
    def path(self) -> str: ...
    @property
    def loc(self) -> tuple[Union[str, int], ...]: ...
    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def severity(self) -> Literal["error", "warning"]: ...
    def to_dict(self) -> dict[str, str]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class ValidationResult:
    """The verdict on one document."""

    @property
    def valid(self) -> bool: ...
    @property
    def issues(self) -> list[Issue]: ...
    @property
    def errors(self) -> list[Issue]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __bool__(self) -> bool: ...
    def __len__(self) -> int: ...

def validate_catalog(
    data: _Document,
    *,
    catalogs: Optional[_Catalogs] = None,
    equipment: Optional[Sequence[str]] = None,
) -> ValidationResult: ...
def parse_catalog(
    data: _Document,
    *,
    catalogs: Optional[_Catalogs] = None,
    equipment: Optional[Sequence[str]] = None,
) -> dict[str, Any]: ...
def validate_logbook(data: _Document, *, catalogs: Optional[_Catalogs] = None) -> ValidationResult: ...
def parse_logbook(data: _Document, *, catalogs: Optional[_Catalogs] = None) -> dict[str, Any]: ...
def catalog_schema(dialect: _Dialect = "draft2020-12") -> dict[str, Any]: ...
def envelope_schema(dialect: _Dialect = "draft2020-12") -> dict[str, Any]: ...
def logbook_schema() -> dict[str, Any]: ...
def catalog_typescript(*, envelope: bool = False) -> str: ...

# --- replog-core: context, metrics, lints, rendering, diffs, reports, coaching ---

def build_athlete_context(
    logbook: _Document, *, catalogs: Optional[_Catalogs] = None, as_of: Optional[str] = None
) -> dict[str, Any]: ...
def estimate_e1rm(weight: float, reps: int, *, formula: str = "epley") -> Optional[dict[str, Any]]: ...
def compute_period_metrics(
    logbook: _Document,
    *,
    period: Literal["week", "month"] = "week",
    as_of: Optional[str] = None,
    catalogs: Optional[_Catalogs] = None,
) -> dict[str, Any]: ...
def workout_report(
    logbook: _Document,
    *,
    period: Literal["week", "month"] = "week",
    as_of: Optional[str] = None,
    catalogs: Optional[_Catalogs] = None,
) -> dict[str, Any]: ...
def lint(
    document: _Document, *, athlete: Optional[_Document] = None, catalogs: Optional[_Catalogs] = None
) -> list[Issue]: ...
def catalog_markdown(document: _Document) -> str: ...
def diff_programs(generated: dict[str, Any], approved: dict[str, Any]) -> dict[str, Any]: ...
def recommend(
    exercise: str,
    planned: dict[str, Any],
    *,
    current_set: int = 1,
    signals: Optional[dict[str, Any]] = None,
    context: Optional[dict[str, Any]] = None,
    profile: Optional[dict[str, Any]] = None,
) -> dict[str, Any]: ...
def learn_preferences(feedback: dict[str, Any], *, profile: Optional[dict[str, Any]] = None) -> dict[str, Any]: ...

# --- replog-catalog: matching, import plans, app exports, converters ---

@final
class Matcher:
    def __new__(cls, catalogs: _Catalogs) -> Matcher: ...
    def match_name(self, name: str) -> dict[str, Any]: ...
    def match_names(self, names: Sequence[str]) -> list[dict[str, Any]]: ...

@final
class ImportPlanner:
    def __new__(cls, catalogs: _Catalogs, *, programs: Optional[Sequence[str]] = None) -> ImportPlanner: ...
    def plan(self, document: _Document) -> dict[str, Any]: ...
    def review(self, document: _Document, plan: dict[str, Any]) -> dict[str, Any]: ...
    def apply(self, document: _Document, plan: dict[str, Any]) -> dict[str, Any]: ...
    @staticmethod
    def schema() -> dict[str, Any]: ...

def import_app(
    data: Union[bytes, bytearray, str],
    *,
    format: Optional[Literal["strong", "hevy", "fitnotes", "jefit"]] = None,
    unit: Optional[Literal["kg", "lb"]] = None,
    athlete: Optional[str] = None,
    catalogs: Optional[_Catalogs] = None,
) -> dict[str, Any]: ...
def convert_catalog(
    data: _Document, *, source: Literal["free-exercise-db", "wger", "exercemus", "openweight"]
) -> dict[str, Any]: ...

# --- replog-llm: generation ---

@final
class Generation:
    @property
    def program(self) -> dict[str, Any]: ...
    @property
    def reasoning(self) -> str: ...
    @property
    def usage(self) -> dict[str, int]: ...
    @property
    def cost_usd(self) -> Optional[float]: ...
    @property
    def duration(self) -> float: ...
    @property
    def model(self) -> str: ...
    @property
    def provider(self) -> str: ...
    @property
    def fallback(self) -> Optional[str]: ...
    @property
    def record(self) -> dict[str, Any]: ...

_Mode = Literal["auto", "single", "incremental"]

@final
class ConnectionCheck:
    """What a connection test found."""

    @property
    def provider(self) -> str: ...
    @property
    def model(self) -> str: ...
    @property
    def latency(self) -> float: ...

@final
class Generator:
    def __new__(
        cls,
        *,
        provider: Optional[str] = None,
        model: Optional[str] = None,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        temperature: Optional[float] = None,
        max_tokens: Optional[int] = None,
        timeout_seconds: Optional[int] = None,
        max_retries: Optional[int] = None,
        mode: _Mode = "auto",
        max_rounds: int = 2,
        concurrency: int = 4,
        fallback_to_planner: bool = False,
    ) -> Generator: ...
    @staticmethod
    def from_env(
        *, mode: _Mode = "auto", max_rounds: int = 2, concurrency: int = 4, fallback_to_planner: bool = False
    ) -> Generator: ...
    @staticmethod
    def from_settings_file(
        path: Union[str, os.PathLike[str]],
        *,
        mode: _Mode = "auto",
        max_rounds: int = 2,
        concurrency: int = 4,
        fallback_to_planner: bool = False,
    ) -> Generator: ...
    @property
    def provider(self) -> str: ...
    @property
    def model(self) -> str: ...
    def generate(
        self,
        logbook: _Document,
        request: Optional[dict[str, Any]] = None,
        *,
        catalogs: Optional[_Catalogs] = None,
        on_progress: Optional[Callable[[dict[str, Any]], object]] = None,
    ) -> Awaitable[Generation]: ...
    def generate_sync(
        self,
        logbook: _Document,
        request: Optional[dict[str, Any]] = None,
        *,
        catalogs: Optional[_Catalogs] = None,
        on_progress: Optional[Callable[[dict[str, Any]], object]] = None,
    ) -> Generation: ...
    def write_report(
        self,
        logbook: _Document,
        *,
        period: Literal["week", "month"] = "week",
        as_of: Optional[str] = None,
        catalogs: Optional[_Catalogs] = None,
    ) -> Awaitable[dict[str, Any]]: ...
    def write_report_sync(
        self,
        logbook: _Document,
        *,
        period: Literal["week", "month"] = "week",
        as_of: Optional[str] = None,
        catalogs: Optional[_Catalogs] = None,
    ) -> dict[str, Any]: ...
    def recommend(
        self,
        exercise: str,
        planned: dict[str, Any],
        *,
        current_set: int = 1,
        signals: Optional[dict[str, Any]] = None,
        context: Optional[dict[str, Any]] = None,
        profile: Optional[dict[str, Any]] = None,
    ) -> Awaitable[dict[str, Any]]: ...
    def recommend_sync(
        self,
        exercise: str,
        planned: dict[str, Any],
        *,
        current_set: int = 1,
        signals: Optional[dict[str, Any]] = None,
        context: Optional[dict[str, Any]] = None,
        profile: Optional[dict[str, Any]] = None,
    ) -> dict[str, Any]: ...
    def test_connection(self) -> Awaitable[ConnectionCheck]: ...
    def test_connection_sync(self) -> ConnectionCheck: ...

def write_setting(path: Union[str, os.PathLike[str]], key: str, value: str) -> None: ...
