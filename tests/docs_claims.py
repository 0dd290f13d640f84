#!/usr/bin/env python3
"""Claims in README.md, data/README.md and docs/ that a program can check, checked.

    python3 tests/docs_claims.py SOURCE_DIR

- data/README.md: every CSV file in data/ has a row; every row that does not say "not
  compiled in" names a file that a passend_embed(...) in src/ compiles in, and every
  compiled-in file says so (no row claims a use that does not exist).
- The counts of municipalities and care-office regions in data/README.md and
  docs/generator.md are those of data/municipalities_2025.csv.
(The API claims of docs/api.md are tested over HTTP in src/api/api_test.cc; the exit codes
of docs/operations.md in tests/cli_exit_codes.py.)
"""

import csv
import glob
import os
import re
import sys

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FOUT:", what)


def main():
    root = sys.argv[1]
    data = os.path.join(root, "data")
    readme = open(os.path.join(data, "README.md"), encoding="utf-8").read()
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `([^`]+\.csv)` \|(.*)$", readme, re.M)}
    embedded = set()
    for cm in glob.glob(os.path.join(root, "src", "**", "CMakeLists.txt"), recursive=True):
        text = open(cm, encoding="utf-8").read()
        embedded |= set(re.findall(r"passend_embed\([^)]*?/data/([\w.]+\.csv)", text, re.S))
    check(len(embedded) >= 5, f"only {sorted(embedded)} found compiled in")
    for path in sorted(glob.glob(os.path.join(data, "*.csv"))):
        name = os.path.basename(path)
        check(name in rows, f"data/README.md has no row for {name}")
    for name, text in rows.items():
        says_unused = "not compiled in" in text.lower()
        check(says_unused != (name in embedded),
              f"data/README.md on {name}: says {'not ' if says_unused else ''}compiled in, "
              f"but it is {'' if name in embedded else 'not '}embedded by src/")

    with open(os.path.join(data, "municipalities_2025.csv"), encoding="utf-8") as f:
        municipalities = list(csv.DictReader(f))
    regions = {m["zorgkantoor_code"] for m in municipalities}
    claims = [
        ("data/README.md", readme, r"the (\d+) municipalities within the borders of 1 January 2025, in (\d+) care-office regions"),
        ("docs/generator.md", open(os.path.join(root, "docs", "generator.md"), encoding="utf-8").read(),
         r"all (\d+) municipalities of 2025, all (\d+) care-office regions"),
    ]
    for doc, text, pattern in claims:
        m = re.search(pattern, text)
        check(m is not None, f"{doc}: the sentence with the counts is gone ({pattern})")
        if m:
            check(int(m.group(1)) == len(municipalities),
                  f"{doc} says {m.group(1)} municipalities, the data has {len(municipalities)}")
            check(int(m.group(2)) == len(regions),
                  f"{doc} says {m.group(2)} care-office regions, the data has {len(regions)}")

    print(f"{len(rows)} data files, {len(claims)} count claims; {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
