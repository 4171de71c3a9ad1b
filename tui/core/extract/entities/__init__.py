"""Named entities: a fast, offline, pure-Python extractor.

How it works:
1. One compiled regex finds *runs* of capitalised tokens (and designations such as S-400)
   inside each sentence; lowercase prose is never looked at token by token.
2. A greedy averaged-perceptron BIO tagger (weights trained on CoNLL-2003 train by
   scripts/build_entity_data.py, shipped in data/ner_weights.json.gz) labels each run's tokens
   PER/ORG/LOC/MISC, using word, shape, suffix, context and gazetteer features.
3. Rules map those to OntoNotes labels (GPE/LOC/FAC, NORP, PRODUCT, EVENT) and catch what
   newswire training data does not teach: weapon designations, ship prefixes, "Operation X".
4. Document-level consistency: a surname alone refers to the full name met before, a
   designation alone to its longer form, an acronym in brackets to the name it follows, and a
   string gets the label most of its mentions got (rule and gazetteer labels vote more).
5. Ordinary words are kept out: a sentence-opening common word is cut off its run ("However",
   "In May's"), a lone opening word needs a clear margin or is dropped when the text also
   writes it in lowercase, and an all-caps headline (or a shouted "HOPE" in a line) keeps only
   names the rest of the text or the gazetteer confirms.

Speed: work is done per run, not per word; word vectors, context vectors and whole runs are
cached across calls (bounded), and vectors of frequent training words ship with the weights.
"""

from __future__ import annotations

from tui.core.extract import ner_features as nf
from tui.core.extract.entities.document import extract_entities
from tui.core.extract.entities.grouping import group_mentions
from tui.core.extract.entities.lexicon import gazetteer_names, multiword
from tui.core.extract.entities.tagger import load_model

__all__ = ["clear_caches", "extract_entities", "group_mentions", "preload"]


def preload() -> None:
    """Load the tagger weights and gazetteers now (they load lazily on first use otherwise);
    call before timing or in a background thread at start-up."""
    load_model()
    multiword()
    gazetteer_names()
    nf.token_gazetteer()
    nf.common_words()
    nf.lowercase_words()
    nf.place_names()
    nf.place_names_never_org()


def clear_caches() -> None:
    """Forget the per-word and per-run results cached across calls (benchmarks use this to
    time unseen text honestly)."""
    model = load_model()
    model.static = dict(model.base)
    model.context.clear()
    model.runs.clear()
