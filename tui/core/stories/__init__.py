"""Across articles: stories, entities across the library, disagreeing figures, provenance.

Pure core (no Textual). ``grouping`` places articles into stories incrementally; ``store``
keeps that index in the library's SQLite file; ``queries`` reads stories and entities back.
"""
