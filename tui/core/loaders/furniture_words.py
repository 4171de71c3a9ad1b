"""Word lists for recognising page furniture inside an article body (see furniture.py).

Wording shared by news sites in general, never one site's sentences.
"""

from __future__ import annotations

# "Additional reporting by ...", "Editing by ...", "Graphics by ...".
CREDIT_ROLES = (
    "reporting", "writing", "editing", "edited", "research", "researched", "compiled",
    "produced", "production", "translated", "translation", "graphics", "graphic",
    "illustration", "illustrations", "photography", "photos", "video", "design", "fact-checking",
    "fact checking", "data analysis", "additional reporting", "additional research",
    "with reporting", "with additional reporting", "story", "words",
)  # fmt: skip

# Labels that open a teaser for another article: "MORE: ...", "- VIDEO: ...".
TEASER_LABELS = (
    "more", "read more", "read also", "also read", "see also", "related", "related coverage",
    "related stories", "related articles", "related content", "related video", "recommended",
    "watch", "video", "videos", "listen", "podcast", "photos", "gallery", "photo gallery",
    "slideshow", "live updates", "latest", "top stories", "must read", "don't miss",
    "don’t miss", "trending", "popular", "most read", "more on this story", "more from",
    "more coverage", "more news", "up next", "next up", "what to read next", "explainer",
    "opinion", "editor's picks", "editor’s picks", "sponsored", "advertisement",
)  # fmt: skip

# Bare labels a page prints by a date ("Posted on", "Updated", "Release Date:").
DATE_LABELS = (
    "posted", "posted on", "published", "published on", "first published", "updated",
    "last updated", "updated on", "release date", "released", "date", "modified",
    "last modified", "latest update", "created", "posted by",
)  # fmt: skip

# Who takes the pictures: "REUTERS/Name", "AP Photo/Name", "Name/Getty Images".
PHOTO_AGENCIES = (
    "reuters", "ap", "ap photo", "afp", "afp photo", "epa", "epa-efe", "getty", "getty images",
    "bloomberg", "shutterstock", "alamy", "pa", "pa images", "pa wire", "anadolu", "xinhua",
    "sopa images", "nurphoto", "upi", "zuma", "zuma press", "file photo", "istock",
    "istockphoto", "imago", "dpa", "abaca", "sipa", "rex", "rex features", "wireimage",
)  # fmt: skip

# News agencies named in a dateline "CITY (Agency) -".
AGENCIES = (
    "reuters", "ap", "afp", "cnn", "upi", "bloomberg", "dpa", "efe", "ansa", "xinhua",
    "tass", "kyodo", "yonhap", "pti", "ani", "ians", "aap", "cp", "the canadian press",
    "associated press", "agence france-presse", "bernama", "anadolu", "wafa", "sana",
    "irna", "mena", "apa", "ntb", "tt", "ritzau", "belga", "anp", "pap", "cna", "ctv",
    "bbc", "cbs", "nbc", "abc", "fox news", "cnbc", "marketwatch", "thomson reuters",
)  # fmt: skip

# First words of furniture lines besides those of the lists above (captions, contact boxes,
# promotions, bylines).
OPENERS = frozenset({
    "by", "file", "photo", "photos", "picture", "pictures", "image", "images", "photograph",
    "illustration", "graphic", "graphics", "video", "source", "sources", "credit", "credits",
    "caption", "or", "to", "reach", "contact", "email", "e-mail", "write", "call", "send",
    "tip", "tips", "advertise", "advertising", "for", "feel", "got", "have", "image credit",
})  # fmt: skip

# Cheap gates: a pattern family is tried only on a line holding one of its words.
COPYRIGHT_HINTS = (
    "©", "(c)", "copyright", "rights reserved", "originally", "first published",
    "first appeared", "first ran", "republished", "reprinted", "reproduced", "permission",
    "our standards", "trust principles", "may not be",
)  # fmt: skip
CAPTION_HINTS = ("photo", "picture", "image", "pic", "video")
NEWSLETTER_HINTS = ("newsletter", "inbox", "edition", "briefing", "by email", "by e-mail")

# A long sentence holding none of these words (nor ©, …, "(c)", "/") is running prose: the
# patterns that read inside a line each need one of them.
INSIDE_WORDS = frozenset({
    "copyright", "copyrighted", "reserved", "originally", "first", "republished", "reprinted",
    "reproduced", "permission", "standards", "principles", "may", "photo", "photos",
    "photograph", "picture", "pictures", "image", "images", "pic", "video", "videos",
    "newsletter", "newsletters", "inbox", "edition", "briefing", "email", "mail",
    "contributed", "contributing", "more",
})  # fmt: skip

# Latin look-alikes used to slip promotions past filters ("Аdvеrtіѕе" in Cyrillic).
CONFUSABLES = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "І": "I", "Ј": "J", "Ѕ": "S",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z",
    "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T",
    "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v",
}  # fmt: skip

# Words of author fields that name no one ("Article by", "Staff Writer", "Print").
NOT_AUTHOR_WORDS = frozenset({
    "print", "updated", "update", "published", "posted", "by", "article", "share", "email",
    "comments", "comment", "staff", "team", "desk", "news", "editor", "editors", "admin",
    "administrator", "guest", "contributor", "contributors", "author", "authors", "more",
    "follow", "view", "profile", "read", "bio", "am", "pm", "ago", "min", "minutes", "hours",
    "today", "yesterday", "inc", "ltd", "llc", "media", "group", "press", "wire",
    "newsroom", "editorial", "opinion", "sponsored", "video", "photo", "photos", "reporter",
    "reporters", "writer", "writers", "correspondent", "the", "and", "of", "for",
})  # fmt: skip
