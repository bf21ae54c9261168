#!/usr/bin/env python3
"""Scores `thidua convert-and-validate` on an inbox against its answer key, the way a
new user would run it (no --year): the review year, every file's fate and unit, every
area's figures in csv/CHI_TIEU.csv matched by source file and row, every planted defect
at its cell, and nothing that must not fire.

    scripts/check-inbox.py INBOX KEY.json [THIDUA] [--min-figures 0.99]

Exits 1 when anything is off (or the figure share is below --min-figures), printing
each miss. The key's format is described in docs/fixtures.md (inbox-thuc-te).
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile


def cell_row(cell):
    m = re.match(r"[A-Z]+(\d+)", cell or "")
    return int(m.group(1)) if m else None


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= 0.005 + 1e-9
    except ValueError:
        return str(a) == str(b)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("inbox")
    p.add_argument("key")
    p.add_argument("thidua", nargs="?", default=".build/debug/thidua")
    p.add_argument("--min-figures", type=float, default=1.0)
    args = p.parse_args()
    key = json.load(open(args.key, encoding="utf-8"))
    out = tempfile.mkdtemp()
    subprocess.run([args.thidua, "convert-and-validate", args.inbox, "--out", out], check=True,
                   stdout=subprocess.DEVNULL)
    report = json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
    misses = []
    figure_misses = []

    if report["year"] != key["review_year"]:
        misses.append(f"review year {report['year']}, expected {key['review_year']}")

    files = {f["name"]: f for f in report["files"]}
    fates = units = 0
    for name, want in key["files"].items():
        got = files.get(name)
        if got is None:
            misses.append(f"{name}: not in report.json")
            continue
        if got["fate"] == want["fate"]:
            fates += 1
        else:
            misses.append(f"{name}: fate {got['fate']}, expected {want['fate']}")
        if want["fate"] in ("used", "superseded", "duplicate", "other-year") and want.get("unit"):
            if got.get("unit") == want["unit"]:
                units += 1
            else:
                misses.append(f"{name}: unit {got.get('unit')}, expected {want['unit']}")
    unit_total = sum(1 for w in key["files"].values()
                     if w["fate"] in ("used", "superseded", "duplicate", "other-year") and w.get("unit"))

    rows = {}
    path = os.path.join(out, "csv", "CHI_TIEU.csv")
    if os.path.exists(path):
        for r in csv.DictReader(open(path, encoding="utf-8")):
            rows[(r["tep_nguon"], r["trang_nguon"], cell_row(r["o_nguon"].split(":")[0]))] = r
    exact = 0
    for fig in key["figures"]:
        got = rows.get((fig["file"], fig["sheet"], fig["row"]))
        if got is None:
            figure_misses.append(f"{fig['file']}!{fig['sheet']} row {fig['row']} ({fig['area']}): not in CHI_TIEU.csv")
            continue
        wrong = [f"{k} {got.get(k) or None} ≠ {v}" for k, v in fig["values"].items() if not close(got.get(k) or None, v)]
        if wrong:
            figure_misses.append(f"{fig['file']}!{fig['sheet']} row {fig['row']} ({fig['area']}): " + "; ".join(wrong))
        else:
            exact += 1
    extra = set(rows) - {(f["file"], f["sheet"], f["row"]) for f in key["figures"]}
    for k in sorted(extra, key=str):
        misses.append(f"{k[0]}!{k[1]} row {k[2]}: in CHI_TIEU.csv but not an area row ({rows[k]['ten_dia_ban']})")

    found = {(f.get("file"), f.get("sheet"), f.get("cell"), f["code"]) for f in report["findings"]}
    defects = 0
    for d in key["defects"]:
        cells = [d["cell"]] + d.get("also_acceptable_cells", [])
        if any((d["file"], d["sheet"], c, d["code"]) in found for c in cells):
            defects += 1
        else:
            misses.append(f"defect not reported: {d['code']} at {d['file']}!{d['sheet']}!{d['cell']}")
    for m in key.get("must_not_fire", []):
        hits = [f for f in found if f[0] == m["file"] and f[3] == m["code"] and (m.get("cell") in (None, f[2]))
                and (m.get("sheet") in (None, f[1]))]
        if hits:
            misses.append(f"fired but must not: {m['code']} at {m['file']}!{m.get('sheet')}!{m.get('cell')} ({m['why']})")

    share = exact / len(key["figures"]) if key["figures"] else 1.0
    print(f"review year {report['year']} (expected {key['review_year']})")
    print(f"fates {fates}/{len(key['files'])}, units {units}/{unit_total}, "
          f"figures {exact}/{len(key['figures'])} exact ({share:.1%}), defects {defects}/{len(key['defects'])}")
    for m in figure_misses + misses:
        print("MISS " + m)
    sys.exit(0 if share >= args.min_figures and not misses else 1)


if __name__ == "__main__":
    main()
