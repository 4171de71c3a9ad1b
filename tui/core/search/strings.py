"""Lists of strings as two flat arrays (UTF-8 bytes and offsets), for segments on disk.

A memory-mapped table decodes only the strings asked for, so opening a segment of 100,000
articles costs no Python object per article. Lone surrogates (hostile text) survive the trip.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

_ERRORS = "surrogatepass"


def pack_strings(name: str, values: list[str]) -> dict[str, np.ndarray]:
    """``{name.blob: uint8 bytes, name.off: int64 offsets}`` holding ``values``."""
    encoded = [v.encode("utf-8", _ERRORS) for v in values]
    off = np.zeros(len(encoded) + 1, dtype=np.int64)
    if encoded:
        np.cumsum([len(b) for b in encoded], out=off[1:])
    blob = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
    return {f"{name}.blob": blob, f"{name}.off": off}


class StringTable:
    """Read access to a packed list of strings."""

    def __init__(self, blob: np.ndarray, off: np.ndarray) -> None:
        self._blob = blob
        self._off = off

    @classmethod
    def of(cls, arrays: dict[str, np.ndarray], name: str) -> StringTable:
        return cls(arrays[f"{name}.blob"], arrays[f"{name}.off"])

    def __len__(self) -> int:
        return len(self._off) - 1

    def __getitem__(self, i: int) -> str:
        start, end = int(self._off[i]), int(self._off[i + 1])
        return self._blob[start:end].tobytes().decode("utf-8", _ERRORS)

    def tolist(self) -> list[str]:
        """Every string (one decode of the whole blob, then slices)."""
        data = self._blob.tobytes()
        off = self._off.tolist()
        if data.isascii():
            text = data.decode("ascii")
            return [text[a:b] for a, b in pairwise(off)]
        return [data[a:b].decode("utf-8", _ERRORS) for a, b in pairwise(off)]
