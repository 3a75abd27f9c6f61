"""The project's exception tree; the API maps each class to one HTTP problem type.

    GraphError
    ├── NotFound            unknown article, country, agreement or triple   -> 404
    ├── InvalidInput        a value the caller can fix                       -> 422
    │   └── UnreadableInput an article that cannot be loaded (names the file) -> 422
    ├── PayloadTooLarge     a body over the configured limit                 -> 413
    ├── ConfigError         settings that cannot work, found at start-up
    └── StoreUnavailable    the store cannot be reached right now            -> 503
"""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every error diplograph raises on purpose."""


class NotFound(GraphError):
    def __init__(self, kind: str, key: str, suggestions: list[str] | None = None) -> None:
        self.kind, self.key, self.suggestions = kind, key, suggestions or []
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"Unknown {kind} {key!r}.{hint}")


class InvalidInput(GraphError):
    pass


class UnreadableInput(InvalidInput):
    def __init__(self, source: str, reason: str) -> None:
        self.source, self.reason = source, reason
        super().__init__(f"Cannot read {source}: {reason}")


class PayloadTooLarge(InvalidInput):
    pass


class ConfigError(GraphError):
    pass


class StoreUnavailable(GraphError):
    pass
