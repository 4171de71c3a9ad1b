"""Extraction: entities, figures and claims from an article's text."""

from __future__ import annotations

from tui.core.extract.claims import extract_claims
from tui.core.extract.entities import extract_entities
from tui.core.extract.figures import extract_figures
from tui.core.model import Analysis, Article

EXTRACTOR_VERSION = "1"


def analyse(article: Article) -> Analysis:
    """Run every extractor over the article and store the result on it."""
    text, sentences = article.text, article.sentences
    entities = extract_entities(text, sentences)
    figures = extract_figures(text, sentences)
    claims = extract_claims(text, sentences, entities, figures)
    article.analysis = Analysis(entities=entities, figures=figures, claims=claims)
    return article.analysis
