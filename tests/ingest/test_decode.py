from __future__ import annotations

import pytest

from reader.ingest.decode import DecodeError, decode, looks_binary

TEXT = "Café owners in Kraków said “no” to the new rules – again."


def test_utf8() -> None:
    assert decode(TEXT.encode("utf-8")) == TEXT


def test_utf8_with_bom() -> None:
    assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


def test_utf16_with_bom() -> None:
    assert decode(TEXT.encode("utf-16")) == TEXT


def test_cp1252_smart_quotes() -> None:
    sample = "“Never again,” she said – the café’s owner. " * 5
    assert decode(sample.encode("cp1252")) == sample


def test_latin1() -> None:
    sample = "Le garçon a mangé une crème brûlée à côté de la gare. " * 5
    assert decode(sample.encode("latin-1")) == sample


def test_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body>“quoted” text</body></html>'
    assert "“quoted”" in decode(page.encode("cp1252"), html=True)


def test_binary_is_refused() -> None:
    data = bytes(range(256)) * 10
    assert looks_binary(data)
    with pytest.raises(DecodeError):
        decode(data)


def test_central_european_cp1250_is_not_taken_for_western() -> None:
    sample = "Zażółć gęślą jaźń, powiedział Łukasz w Krakowie. " * 5
    assert decode(sample.encode("cp1250")) == sample
