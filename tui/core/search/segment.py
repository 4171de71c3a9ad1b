"""Index segments on disk: one file of flat arrays, memory-mapped when opened.

File layout: ``MAGIC``, the header's length (8 bytes, little-endian), a JSON header naming
each array's dtype, offset and length, then the arrays, each 64-byte aligned. A segment is
written to a temporary name, flushed to disk and renamed, so a crash leaves either the whole
file or none. Segments never change once written; deletions are tombstones kept in memory
(the library says which articles are gone) and dropped for good when segments merge.
"""

from __future__ import annotations

import json
import mmap
import os
from pathlib import Path

import numpy as np

from tui.core.search.build import KIND_ENTITY, Arrays, entity_arrays, tiebreak
from tui.core.search.strings import StringTable, pack_strings

MAGIC = b"NRSEG1\n\x00"
_ALIGN = 64
_DOC_COLUMNS = ("doc_kind", "doc_flags", "doc_sentence", "doc_start", "doc_end")
_ARTICLE_STRINGS = ("ids", "titles", "sites", "paths")


class SegmentError(Exception):
    """A segment file is missing, truncated or not one of ours."""


def save_segment(path: Path, arrays: Arrays) -> int:
    """Write ``arrays`` to ``path`` atomically; return the file's size in bytes."""
    header: dict[str, list[object]] = {}
    offset = 0
    for name, arr in arrays.items():
        header[name] = [arr.dtype.str, offset, int(arr.size)]
        offset += -(-arr.nbytes // _ALIGN) * _ALIGN
    head = json.dumps(header).encode("utf-8")
    start = -(-(len(MAGIC) + 8 + len(head)) // _ALIGN) * _ALIGN
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        fh.write(MAGIC + len(head).to_bytes(8, "little") + head)
        for name, arr in arrays.items():
            fh.seek(start + int(header[name][1]))  # type: ignore[call-overload]
            fh.write(np.ascontiguousarray(arr).tobytes())
        fh.truncate(start + offset)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return start + offset


def load_segment(path: Path) -> Arrays:
    """The arrays of a segment file, memory-mapped read-only (pages load on first use)."""
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size < len(MAGIC) + 8:
                raise SegmentError(f"{path.name}: truncated")
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except OSError as exc:
        raise SegmentError(f"{path.name}: {exc.strerror or exc}") from None
    if mm[: len(MAGIC)] != MAGIC:
        raise SegmentError(f"{path.name}: not an index segment")
    n = int.from_bytes(mm[len(MAGIC) : len(MAGIC) + 8], "little")
    try:
        header = json.loads(mm[len(MAGIC) + 8 : len(MAGIC) + 8 + n])
        start = -(-(len(MAGIC) + 8 + n) // _ALIGN) * _ALIGN
        out: Arrays = {}
        for name, (dtype, offset, count) in header.items():
            dt = np.dtype(dtype)
            if start + offset + count * dt.itemsize > size:
                raise SegmentError(f"{path.name}: truncated")
            out[name] = np.frombuffer(mm, dtype=dt, count=count, offset=start + offset)
    except (ValueError, TypeError) as exc:
        raise SegmentError(f"{path.name}: damaged header ({exc})") from None
    return out


def merge_arrays(parts: list[tuple[Arrays, np.ndarray]]) -> Arrays:
    """One segment holding the live articles of ``parts`` (arrays, articles-kept mask).

    Documents keep their order (part by part), so every posting list stays ascending.
    """
    docs_kept = [keep[a["doc_article"]] for a, keep in parts]
    out: Arrays = {}
    out.update(_merge_docs(parts, docs_kept))
    out.update(_merge_postings(parts, docs_kept))
    out.update(_merge_entities(parts, docs_kept))
    for name in ("article_day", "article_minute"):
        out[name] = np.concatenate([a[name][keep] for a, keep in parts])
    for name in _ARTICLE_STRINGS:
        values: list[str] = []
        for a, keep in parts:
            table = StringTable.of(a, name).tolist()
            values.extend(s for s, k in zip(table, keep.tolist(), strict=True) if k)
        out.update(pack_strings(name, values))
    out["tiebreak"] = tiebreak(
        out["doc_flags"], out["doc_sentence"], out["article_minute"][out["doc_article"]]
    )
    return out


def _merge_docs(parts: list[tuple[Arrays, np.ndarray]], docs_kept: list[np.ndarray]) -> Arrays:
    pairs = list(zip(parts, docs_kept, strict=True))
    out: Arrays = {
        name: np.concatenate([a[name][d] for (a, _), d in pairs]) for name in _DOC_COLUMNS
    }
    article_parts, aux_parts = [], []
    names: dict[str, int] = {}  # distinct displayed entity names, shared by entity docs
    article_base = 0
    for (a, keep), d in zip(parts, docs_kept, strict=True):
        new_article = np.cumsum(keep, dtype=np.int64) - 1 + article_base
        article_parts.append(new_article[a["doc_article"][d]].astype(np.int32))
        aux = a["doc_aux"][d].copy()
        is_entity = a["doc_kind"][d] == KIND_ENTITY
        table = StringTable.of(a, "entity_texts")
        remap = np.zeros(len(table), dtype=np.int32)
        for local in np.unique(aux[is_entity]).tolist():  # only names still shown
            remap[local] = names.setdefault(table[local], len(names))
        aux[is_entity] = remap[aux[is_entity]]
        aux_parts.append(aux)
        article_base += int(keep.sum())
    out["doc_article"] = np.concatenate(article_parts)
    out["doc_aux"] = np.concatenate(aux_parts)
    out.update(pack_strings("entity_texts", list(names)))
    return out


def _new_doc_ids(parts: list[tuple[Arrays, np.ndarray]], docs_kept: list[np.ndarray]):
    base = 0
    for d in docs_kept:
        yield np.cumsum(d, dtype=np.int64) - 1 + base
        base += int(d.sum())


def _merge_postings(
    parts: list[tuple[Arrays, np.ndarray]], docs_kept: list[np.ndarray]
) -> Arrays:
    vocabularies = [StringTable.of(a, "words").tolist() for a, _ in parts]
    words = sorted(set().union(*vocabularies))
    gid = {w: i for i, w in enumerate(words)}
    pieces: list[tuple[np.ndarray, np.ndarray]] = []
    counts = np.zeros(len(words), dtype=np.int64)
    for (a, _), d, vocab, new_doc in zip(
        parts, docs_kept, vocabularies, _new_doc_ids(parts, docs_kept), strict=True
    ):
        remap = np.fromiter((gid[w] for w in vocab), dtype=np.int64, count=len(vocab))
        post = a["post"]
        word = np.repeat(remap, np.diff(a["post_off"]))
        live = d[post]
        word, doc = word[live], new_doc[post[live]].astype(np.int32)
        counts += np.bincount(word, minlength=len(words))
        pieces.append((word, doc))
    off = np.zeros(len(words) + 1, dtype=np.int64)
    np.cumsum(counts, out=off[1:])
    post_out = np.empty(int(off[-1]), dtype=np.int32)
    filled = off[:-1].copy()  # next free slot of each word
    for word, doc in pieces:
        # ``word`` is non-decreasing (both vocabularies are sorted): rank within each run.
        starts = np.flatnonzero(np.r_[True, word[1:] != word[:-1]]) if len(word) else word
        run_len = np.diff(np.r_[starts, len(word)])
        rank = np.arange(len(word)) - np.repeat(starts, run_len)
        post_out[filled[word] + rank] = doc
        filled += np.bincount(word, minlength=len(words))
    out: dict[str, np.ndarray] = {"post": post_out, "post_off": off}
    out.update(pack_strings("words", words))
    return out


def _merge_entities(
    parts: list[tuple[Arrays, np.ndarray]], docs_kept: list[np.ndarray]
) -> Arrays:
    docs_of: dict[str, list[np.ndarray]] = {}
    for (a, _), d, new_doc in zip(parts, docs_kept, _new_doc_ids(parts, docs_kept), strict=True):
        names = StringTable.of(a, "entity_names").tolist()
        off, docs = a["entity_off"], a["entity_docs"]
        for i, name in enumerate(names):
            mine = docs[off[i] : off[i + 1]]
            mine = mine[d[mine]]
            if len(mine):
                docs_of.setdefault(name, []).append(new_doc[mine].astype(np.int32))
    return entity_arrays(list(docs_of), [np.concatenate(v) for v in docs_of.values()])
