#!/usr/bin/env python3
"""Builds gold.jsonl from the annotated articles (annotated_*.txt), standard library only.

Annotated format: articles separated by header lines `=== <id> | <outlet> | <date>`, the
first line after a header is the title, the rest the text. A gold quote is written inline as
`{{<kind>|<speaker>|<words>}}` with kind d (direct), p (partial) or i (indirect); quote marks
stay outside the braces. The speaker may carry the real person's label for the cross-article
identity scorer (../shared/eval/speaker_ids.py): `{{d|Ms. Vidal=Rosa Vidal|...}}`, with `=-`
for a speaker that is no one person (an unnamed source); without `=` the quote has no
`person` field. The header may name the article's format as a fourth field
(`=== <id> | <outlet> | <date> | interview`), kept as `format` for per-format figures. Annotations may nest (speech inside a quote). The markup is removed
and each quote's `start`/`end` recorded as code-point offsets into the clean text, the
convention of ../shared/eval/score.py.

Output, one article per line:
{"id", "split": "test", "outlet", "date", "title", "text", "format"?,
 "quotes": [{"start", "end", "speaker", "kind", "person"?, "statement"?}]}
"""
import glob
import json
import os
import re
import sys

KINDS = {"d": "direct", "p": "partial", "i": "indirect"}
OPEN = re.compile(r"\{\{([dpi])(?:@([A-Za-z0-9_.-]+))?\|([^|{}]*)\|")


def clean(annotated, where):
    """The text without markup, and the gold quotes with code-point offsets."""
    out, quotes, stack = [], [], []
    i = 0
    while i < len(annotated):
        m = OPEN.match(annotated, i)
        if m:
            stack.append((len("".join(out)), KINDS[m.group(1)], m.group(3).strip(), m.group(2)))
            i = m.end()
        elif annotated.startswith("}}", i):
            if not stack:
                sys.exit(f"{where}: '}}}}' without an opening annotation")
            start, kind, speaker, statement = stack.pop()
            quote = {"start": start, "end": len("".join(out)), "speaker": speaker, "kind": kind}
            if statement:
                quote["statement"] = statement
            if "=" in speaker:
                speaker, _, person = speaker.partition("=")
                person = person.strip()
                quote["speaker"] = speaker.strip()
                quote["person"] = None if person == "-" else person
            quotes.append(quote)
            i += 2
        else:
            out.append(annotated[i])
            i += 1
    if stack:
        sys.exit(f"{where}: unclosed annotation {stack[-1]}")
    quotes.sort(key=lambda q: (q["start"], -q["end"]))
    return "".join(out), quotes


def main():
    # The set's folder: this one by default, or the one named on the command line.
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    records = []
    for path in sorted(glob.glob(os.path.join(here, "annotated_*.txt"))):
        chunks = re.split(r"^=== ", open(path, encoding="utf-8").read(), flags=re.M)
        for chunk in chunks[1:]:
            header, _, body = chunk.partition("\n")
            fields = [p.strip() for p in header.split("|")]
            if len(fields) not in (3, 4):
                sys.exit(f"{path}: header needs 3 or 4 fields: {header!r}")
            art_id, outlet, date = fields[:3]
            title, _, annotated = body.strip("\n").partition("\n")
            text, quotes = clean(annotated.strip("\n") + "\n", f"{path}:{art_id}")
            for q in quotes:
                span = text[q["start"]:q["end"]]
                if not span.strip() or span != span.strip():
                    sys.exit(f"{art_id}: gold span has stray white space: {span!r}")
            record = {"id": art_id, "split": "test", "outlet": outlet, "date": date,
                      "title": title.strip(), "text": text, "quotes": quotes}
            if len(fields) == 4:
                record["format"] = fields[3]
            records.append(record)
    with open(os.path.join(here, "gold.jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["quotes"]) for r in records)
    kinds = {}
    for r in records:
        for q in r["quotes"]:
            kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
    print(f"{len(records)} articles, {n} gold quotes {kinds}")


if __name__ == "__main__":
    main()
