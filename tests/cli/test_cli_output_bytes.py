"""``history --json`` writes SQLite's UTF-8 straight to standard output's bytes when that is a
UTF-8 stream (after what was already written as text), and decodes it for any other stream."""

from __future__ import annotations

import io

import pytest

from tracker.cli import output


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "gb18030"])
def test_the_bytes_land_after_the_text_in_the_stream_encoding(
    monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding)
    monkeypatch.setattr("sys.stdout", stream)
    stream.write("before ")  # buffered in the text layer: must come out first
    write = output._utf8_writer()
    write('[{"method": "支付宝"}]\n'.encode())
    stream.flush()
    assert raw.getvalue() == 'before [{"method": "支付宝"}]\n'.encode(encoding)


def test_a_stream_without_bytes_gets_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stdout", stream)
    output._utf8_writer()("花呗 ✓".encode())
    assert stream.getvalue() == "花呗 ✓"
