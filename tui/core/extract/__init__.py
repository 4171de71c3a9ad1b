"""Extraction: entities, figures and claims from an article's text."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.model import Analysis, Article, Entity, Span

# Stored with every analysis; a library re-analyses articles stored under another version.
# Reading it must stay cheap (the reader checks it when it opens an article), so the
# extractors, ~120 ms of imports and tables, load when analyse() first runs.
EXTRACTOR_VERSION = "2"

EntityEngine = Callable[[str, list[Span]], list[Entity]]


def analyse(article: Article, entity_engine: EntityEngine | None = None) -> Analysis:
    """Run every extractor over the article and store the result on it.

    ``entity_engine`` replaces the built-in entity extractor (e.g. the spaCy engine);
    figures and claims always come from the built-in extractors.
    """
    from tui.core.extract.claims import extract_claims
    from tui.core.extract.entities import extract_entities
    from tui.core.extract.figures import extract_figures

    text, sentences = article.text, article.sentences
    entities = (entity_engine or extract_entities)(text, sentences)
    figures = extract_figures(text, sentences)
    claims = extract_claims(text, sentences, entities, figures)
    article.analysis = Analysis(entities=entities, figures=figures, claims=claims)
    return article.analysis
