"""Fetching from the web (no Textual here): one polite, size-capped, redirect-checked client."""

from tui.core.fetch.client import (
    USER_AGENT,
    Fetcher,
    FetchError,
    FetchResult,
    FetchSettings,
)
from tui.core.fetch.safety import UnsafeURL, check_url, is_url, redact

__all__ = [
    "USER_AGENT",
    "FetchError",
    "FetchResult",
    "FetchSettings",
    "Fetcher",
    "UnsafeURL",
    "check_url",
    "is_url",
    "redact",
]
