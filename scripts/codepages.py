#!/usr/bin/env python3
"""Writes src/ingest/data/codepages.tsv: the Kazakh 8-bit code pages as the
bytes in which they differ from Windows-1251, from Python's own codecs
(`kz1048`, `ptcp154`)."""

import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/ingest/data/codepages.tsv"

HEADER = """\
# Kazakh 8-bit code pages, as the bytes in which each differs from Windows-1251
# (which encoding_rs decodes): code page, byte in hex, the character it stands for.
# Written by scripts/codepages.py from Python's codecs kz1048 and ptcp154.
"""

rows = []
for name, codec in [("KZ-1048", "kz1048"), ("PT154", "ptcp154")]:
    for byte in range(0x80, 0x100):
        b = bytes([byte])
        base = b.decode("cp1251", errors="replace")
        mine = b.decode(codec, errors="replace")
        if mine != base and mine != "\ufffd":
            rows.append(f"{name}\t{byte:02X}\t{mine}")
OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
print(f"{OUT}: {len(rows)} rows")
