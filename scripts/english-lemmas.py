#!/usr/bin/env python3
"""Writes src/text/data/english-lemmas.tsv from LemmInflect's lemma table.

    pip download --no-deps lemminflect==0.2.3 -d /tmp/lemminflect
    python3 scripts/english-lemmas.py /tmp/lemminflect/lemminflect-0.2.3-py3-none-any.whl

LemmInflect (MIT licence) lists English word forms with their lemmas per part
of speech, from the Automatically Generated Inflection Database (AGID, Kevin
Atkinson, free to use, copy and modify). Each row written is a form and its
lemmas, most likely first: a lemma other than the form itself before the form
(`saw`: see, saw), verbs before nouns, adjectives and adverbs.
"""
import gzip
import io
import sys
import zipfile

ORDER = {"verb": 0, "aux": 1, "noun": 2, "adj": 3, "adv": 4}

wheel = zipfile.ZipFile(sys.argv[1])
raw = wheel.read("lemminflect/resources/lemma_lu.csv.gz")
rows, lemmas = {}, set()
for line in gzip.open(io.BytesIO(raw), "rt", encoding="utf-8"):
    form, pos, found = line.rstrip("\n").split(",", 2)
    if not form[:1].isalpha() or " " in form:
        continue
    rows.setdefault(form, []).append((ORDER.get(pos, 5), found.split("/")))
    lemmas.update(found.split("/"))
out = []
for form in sorted(set(rows) | lemmas):
    readings = []
    for _, found in sorted(rows.get(form, []), key=lambda r: r[0]):
        readings.extend(l for l in found if l not in readings)
    readings = [l for l in readings if l != form] + [l for l in readings if l == form]
    if not readings:
        readings = [form]
    if form[:1].isalpha() and all(" " not in l for l in readings):
        out.append(f"{form}\t{' '.join(readings)}")
header = """# English word forms and their lemmas, most likely first, from LemmInflect 0.2.3
# (MIT licence, https://github.com/bjascob/LemmInflect), whose table comes from
# the Automatically Generated Inflection Database (AGID) by Kevin Atkinson.
# Written by scripts/english-lemmas.py; a form that is its own lemma is listed
# too, so that `election` is not cut by the stemmer the others escape.
#
# form	lemmas
"""
with open("src/text/data/english-lemmas.tsv", "w", encoding="utf-8") as f:
    f.write(header + "\n".join(out) + "\n")
print(len(out), "forms")
