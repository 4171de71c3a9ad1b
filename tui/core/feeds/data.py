"""Word lists for telling a feed entry's summary from its full text (data, not logic)."""

# A body shorter than this (characters) is a teaser, not an article.
SUMMARY_MAX_CHARS = 600

# How a teaser ends: an ellipsis, bracketed or not.
TRUNCATION_ENDINGS = ("...", "…", "[…]", "[...]", "(…)", "(...)")

# Lines feeds append to a teaser, matched case-insensitively at the start of the last paragraph
# (WordPress writes "The post X appeared first on Y." after every excerpt).
READ_MORE_PREFIXES = (
    "read more",
    "read the full",
    "read full",
    "continue reading",
    "keep reading",
    "full story",
    "the post ",
    "click here",
    "more »",
    "more...",
    "[more]",
)

# sy:updatePeriod values in seconds.
UPDATE_PERIODS = {
    "hourly": 3600.0,
    "daily": 86400.0,
    "weekly": 7 * 86400.0,
    "monthly": 30 * 86400.0,
    "yearly": 365 * 86400.0,
}
