#!/usr/bin/env python3
"""Converts `saywho extract` JSONL (byte offsets) into the prediction format of
../shared/eval/score.py (code-point offsets): {"id", "quotes": [{"start", "end", "speaker"}]}.

The speaker string is the resolved name, else the role (for unnamed sources), else the
mention as written. Usage: to_score.py GOLD.jsonl < saywho.jsonl > pred.jsonl
"""
import json
import sys


def load_texts(path):
    """The text of every gold article, by id."""
    texts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts[r["id"]] = r["text"]
    return texts


def codepoints(text):
    """A function from a byte offset of `text` (UTF-8) to its code-point offset."""
    data = text.encode("utf-8")
    return lambda b: len(data[:b].decode("utf-8"))


def main():
    texts = load_texts(sys.argv[1])
    for line in sys.stdin:
        e = json.loads(line)
        cp = codepoints(texts[e["article"]])
        quotes = []
        for q in e["quotes"]:
            s = q.get("speaker") or {}
            who = s.get("name") or s.get("role") or s.get("mention") or ""
            quotes.append({"start": cp(q["span"][0]), "end": cp(q["span"][1]),
                           "speaker": who, "kind": q["kind"]})
        print(json.dumps({"id": e["article"], "quotes": quotes}, ensure_ascii=False))


if __name__ == "__main__":
    main()
