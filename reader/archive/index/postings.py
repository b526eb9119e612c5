"""Whoosh's posting lists read into NumPy arrays, a list at a time.

Whoosh reads postings a document at a time through matcher objects; to
score every match at once (fast_search.py) we want a term's document
numbers, weights and, for phrases, positions as arrays. This module reads
Whoosh's own files (whoosh3 codec: blocks of pickled ids, weights and
values) with the same meaning as its reader, and is tested against it.
"""

from __future__ import annotations

import io
import pickle
import struct
import weakref
import zlib
from dataclasses import dataclass

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching import FilterMatcher
from whoosh.util.numeric import byte_to_length

INT_SIZE = 4  # whoosh.system's int: block lengths, and the frequency before positions
_BLOCK_LENGTH = struct.Struct("!i")
_LENGTH_OF_BYTE = np.array([byte_to_length(b) or 0 for b in range(256)], dtype=np.float64)


@dataclass
class Postings:
    """One term's postings in one segment."""

    ids: np.ndarray  # segment document numbers, ascending, deleted ones included
    weights: np.ndarray  # float64
    values: list[bytes] | None  # encoded positions, when asked for


def read_postings(reader: object, fieldname: str, btext: bytes, values: bool) -> Postings | None:
    """A term's postings in one segment as arrays, block by block."""
    if (fieldname, btext) not in reader:  # type: ignore[operator]
        return None
    m = reader.postings(fieldname, btext)  # type: ignore[attr-defined]
    if isinstance(m, FilterMatcher):  # deletions: the caller masks them
        m = m.child
    if isinstance(m, W3LeafMatcher) and not m._byteids:  # noqa: SLF001
        return _read_blocks(m, values)
    ids, weights, vals = [], [], []
    while m.is_active():  # inlined postings: a handful, read one by one
        ids.append(m.id())
        weights.append(m.weight())
        if values:
            vals.append(m.value())
        m.next()
    return Postings(np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64), vals if values else None)


def _read_blocks(m: W3LeafMatcher, values: bool) -> Postings:
    """A posting list in Whoosh's block format (whoosh3.W3LeafMatcher), read
    with one file read: after a 4-byte header, blocks of a signed length
    (negative for the last), a pickled info tuple, then the (compressed)
    pickled data: delta-coded ids (the first absolute), weights (None: all
    1.0; a float: all that) and values. Block by block through Whoosh's own
    reader cost three file reads per block, half of a broad query's time."""
    extent = m._length  # noqa: SLF001
    # (W3TermInfo reads the length from disk as unpack_int()'s 1-tuple.)
    buf = m._postfile.get(m._startoffset, extent[0] if isinstance(extent, tuple) else extent)  # noqa: SLF001
    stream = io.BytesIO(buf)
    deltas: list[int] = []
    weights: list[float] = []
    vals: list[bytes] = []
    pos, last_id = INT_SIZE, 0
    while pos < len(buf):
        (length,) = _BLOCK_LENGTH.unpack_from(buf, pos)
        stream.seek(pos + INT_SIZE)
        count, max_id, _, compression, _, _ = pickle.load(stream)
        end = pos + INT_SIZE + abs(length)
        data = buf[stream.tell() : end]
        if compression:
            data = zlib.decompress(data)
        if values:
            block_ids, block_weights, block_values = pickle.loads(data)
        else:
            block_ids, block_weights = _ids_and_weights(data, count)
        # Deltas run on across blocks: the block's first id minus the last one before it.
        deltas.append(block_ids[0] - last_id)
        deltas.extend(block_ids[1:])
        last_id = max_id
        if block_weights is None:
            weights.extend([1.0] * count)
        elif isinstance(block_weights, float):
            weights.extend([block_weights] * count)
        else:
            weights.extend(block_weights)
        if values:
            vals.extend(block_values)
        if length < 0:
            break
        pos = end
    ids = np.cumsum(np.array(deltas, dtype=np.int64))
    return Postings(ids, np.array(weights, dtype=np.float64), vals if values else None)


# The first bytes value in a protocol-2 pickle: a call to _codecs.encode. Ids
# (K, M, J opcodes with binary arguments) and weights (None, or G and 8 bytes)
# cannot hold these bytes: none of K, M, J, G is among them.
_FIRST_BYTES_VALUE = b"c_codecs\nencode\n"


def _ids_and_weights(data: bytes, count: int) -> tuple[tuple[int, ...], object]:
    """A block's ids and weights without unpickling its values.

    Unpickling the values (a bytes object each, rebuilt through a call) was
    two thirds of reading a block; a query on words needs only the first two
    items of the block's (ids, weights, values) tuple. The pickle is cut where
    the values begin and closed as a pair: a tuple of four or more values
    starts with a MARK, a shorter one does not.
    """
    at = data.find(_FIRST_BYTES_VALUE)
    if at > 0 and count >= 4 and data[at - 1 : at] == b"(":
        at -= 1
    if at > 0:
        try:
            ids, weights = pickle.loads(data[:at] + b"\x86.")
            if len(ids) == count:
                return ids, weights
        except Exception:  # noqa: BLE001, S110 - not the layout we know: read it all
            pass
    ids, weights, _ = pickle.loads(data)
    return ids, weights


_LENGTHS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def field_lengths(reader: object, size: int, fieldname: str) -> np.ndarray:
    """Every document's length in a field of one segment, decoded as Whoosh's scorer sees it."""
    per_reader = _LENGTHS.setdefault(reader, {})
    if fieldname not in per_reader:
        perdoc = reader._perdoc  # type: ignore[attr-defined]  # noqa: SLF001
        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)  # noqa: SLF001
        if column is None:
            lengths = np.ones(size, dtype=np.float64)  # the scorer's default
        else:
            data = getattr(column, "_data", None)
            raw = (
                np.frombuffer(data, dtype=np.uint8)
                if isinstance(data, bytes)
                else np.fromiter((column[i] for i in range(size)), dtype=np.uint8, count=size)
            )
            codes = np.zeros(size, dtype=np.uint8)
            codes[: min(len(raw), size)] = raw[:size]
            lengths = _LENGTH_OF_BYTE[codes]
        per_reader[fieldname] = lengths
    return per_reader[fieldname]


_K, _M, _J = b"K"[0], b"M"[0], b"J"[0]  # pickle's 1-, 2- and 4-byte int opcodes
_PREFIX = np.frombuffer(b"\x80\x02]q\x00", dtype=np.uint8)  # protocol 2, an empty list, memo 0


def delta_arrays(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(how many positions each posting has, all their deltas one after another).

    formats.Positions writes a 4-byte count, then pickle.dumps(deltas, 2):
    the protocol header, an empty list and its memo entry, then one int
    (K, M or J and its bytes) and APPEND, or a MARK, the ints and APPENDS.
    That layout is read here for all postings at once, one array step per
    i-th delta; a posting laid out otherwise is unpickled on its own. One
    pickle.loads per posting was most of a common phrase's time.
    """
    n = len(values)
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=n)
    buf = np.frombuffer(b"".join(values) + bytes(16), dtype=np.uint8)
    starts = np.cumsum(lengths) - lengths
    b = buf.astype(np.int64)
    counts = (b[starts] << 24) | (b[starts + 1] << 16) | (b[starts + 2] << 8) | b[starts + 3]
    if np.any(counts > lengths):  # each delta takes two bytes at least: not a count
        raise ValueError("a position list longer than its posting")
    ok = np.all(buf[starts[:, None] + np.arange(4, 9)] == _PREFIX, axis=1) & (counts > 0)
    multi = counts > 1
    ok &= ~multi | (buf[starts + 9] == b"("[0])
    at = starts + 9 + multi
    offsets = np.cumsum(counts) - counts
    deltas = np.zeros(int(counts.sum()), dtype=np.int64)
    step = 0
    active = np.flatnonzero(ok)
    while len(active):
        p = at[active]
        op = buf[p]
        k, m, j = op == _K, op == _M, op == _J
        one, two, three, four = b[p + 1], b[p + 2], b[p + 3], b[p + 4]
        value = np.where(k, one, np.where(m, one | (two << 8), one | (two << 8) | (three << 16) | (four << 24)))
        good = k | m | j
        ok[active[~good]] = False
        deltas[offsets[active] + step] = np.where(good, value, 0)
        at[active] = p + np.where(k, 2, np.where(m, 3, 5))
        step += 1
        active = active[good & (counts[active] > step)]
    ok &= buf[at] == np.where(multi, b"e"[0], b"a"[0])
    for row in np.flatnonzero(~ok).tolist():  # laid out otherwise: as Whoosh reads it
        value = values[row]
        own = pickle.loads(value[INT_SIZE:] if value.endswith(b".") else value[INT_SIZE:] + b".")
        if len(own) != counts[row]:
            raise ValueError("a position list whose count does not match its postings")
        deltas[offsets[row] : offsets[row] + len(own)] = own
    return counts, deltas
