#!/usr/bin/env python3
"""Every generated layout must read exactly: writes the layouts of scripts/fixtures/layouts.py
(a seed, 300 by default), runs `thidua validate --json` on them and compares, layout by
layout, the unit, the year, every area row's values at their cells, the total row, and
the findings (none, but for an `ambiguous-number` where a column's text numbers never
show their convention, which the answer key lists).

    scripts/check-layouts.py [THIDUA] [--seed 1] [--count 300]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def same(a, b):
    try:
        return abs(float(a) - float(b)) <= 0.005 + 1e-9
    except (TypeError, ValueError):
        return str(a) == str(b)


# How each sender's name reads once folded: a layout that states none of these leaves the
# sender unknown, and an `unknown-unit` finding is then the right answer.
SENDER_WORDS = {"SLDTBXH": ["lao dong", "ldtbxh", "ld tb", "ld-tb", "tb&xh", "tbxh"], "516": ["nam tra my"],
                "517": ["nui thanh"]}


def states_sender(thidua, path, unit):
    """Whether any sheet of the file names `unit` (or lists its areas, for a district)."""
    sheets = json.loads(subprocess.run([thidua, "inspect", path, "--json"], capture_output=True).stdout or b"{}")
    text = ""
    for sheet in sheets.get("sheets", []):
        text += subprocess.run([thidua, "convert", path, "--sheet", sheet["name"], "--out", "-"],
                               capture_output=True).stdout.decode("utf-8", "replace")
    folded = unicodedata.normalize("NFD", text.lower().replace("đ", "d")).encode("ascii", "ignore").decode()
    return unit != "SLDTBXH" or any(w in folded for w in SENDER_WORDS[unit])


def convert(answers, out, fmt):
    """The workbook layouts saved by LibreOffice as .xls or .ods, their answers renamed.
    LibreOffice keeps cells, merges, fonts, hidden sheets and number formats."""
    books = [a for a in answers if a["file"].endswith(".xlsx")]
    profile = tempfile.mkdtemp()
    for i in range(0, len(books), 40):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", out] + [os.path.join(out, a["file"]) for a in books[i:i + 40]],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
    for a in books:
        a["file"] = a["file"][: -len(".xlsx")] + "." + fmt
    return answers


def main():
    p = argparse.ArgumentParser()
    p.add_argument("thidua", nargs="?", default=".build/debug/thidua")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--keep", help="write the layouts here instead of a temporary folder")
    p.add_argument("--show", type=int, default=40, help="failed layouts to print")
    p.add_argument("--as", dest="format", choices=["xls", "ods"],
                   help="read every workbook layout as LibreOffice saves it in this format instead")
    p.add_argument("--every", type=int, default=1, help="check only every n-th layout")
    args = p.parse_args()
    out = args.keep or tempfile.mkdtemp()
    subprocess.run([sys.executable, os.path.join(HERE, "fixtures", "layouts.py"), "--seed", str(args.seed),
                    "--count", str(args.count), "--out", out], check=True, stdout=subprocess.DEVNULL)
    answers = json.load(open(os.path.join(out, "answers.json"), encoding="utf-8"))["layouts"][:: args.every]
    if args.format:
        answers = convert(answers, out, args.format)
    reports = {}
    paths = [os.path.join(out, a["file"]) for a in answers]
    for i in range(0, len(paths), 50):
        run = subprocess.run([args.thidua, "validate", "--json"] + paths[i:i + 50], capture_output=True, check=True)
        for f in json.loads(run.stdout)["files"]:
            reports[f["file"]] = f

    failed = []
    cells = exact = 0
    for a in answers:
        r = reports.get(a["file"], {})
        problems = []
        got_unit = (r.get("unit") or {}).get("code")
        unstated = got_unit is None and not states_sender(args.thidua, os.path.join(out, a["file"]), a["unit"])
        if got_unit != a["unit"] and not unstated:
            problems.append(f"unit {got_unit} ≠ {a['unit']}")
        if r.get("year") != a["year"] and (r.get("year") is not None or a.get("year_stated", True)):
            problems.append(f"year {r.get('year')} ≠ {a['year']}")
        tables = [t for t in r.get("tables", []) if t["form"] == "CHI_TIEU" and t["sheet"] == a["sheet"]]
        if not tables:
            problems.append(f"no CHI_TIEU table on sheet {a['sheet']!r}")
        ambiguous = set(a.get("ambiguous_text_columns") or [])
        findings = r.get("findings", [])
        allowed = {(f["cell"]) for f in findings if f["code"] == "ambiguous-number"}
        if tables:
            want_columns = {k: v for k, v in a["columns"].items() if k in a["fields"]}
            got_columns = tables[0].get("columns", {})
            for field in sorted(set(want_columns) | set(got_columns)):
                if want_columns.get(field) != got_columns.get(field):
                    problems.append(f"column {field}: {got_columns.get(field)} ≠ {want_columns.get(field)}")
        rows = {row["row"]: row for t in tables for row in t["rows"]}
        for want in a["rows"]:
            got = rows.pop(want["row"], None)
            for field, value in want["values"].items():
                cells += 1
                cell = want["cells"][field]
                if got is None:
                    continue
                if field in ambiguous and cell in allowed:
                    exact += 1
                    continue
                if not same(got["values"].get(field), value) or got["cells"].get(field) != cell:
                    problems.append(f"{cell} {field}: {got['values'].get(field)} at {got['cells'].get(field)} ≠ {value}")
                else:
                    exact += 1
            if got is None:
                problems.append(f"row {want['row']} ({want['area']}) not read")
        for row in rows:
            problems.append(f"row {row} read as an area row")
        total = (a.get("total") or {}).get("row")
        if tables and tables[0].get("totalRow") != total:
            problems.append(f"total row {tables[0].get('totalRow')} ≠ {total}")
        for f in findings:
            # Any row of a column whose text numbers never show their convention, its total too.
            if f["code"] == "ambiguous-number" and re.sub(r"\d", "", f["cell"] or "") in {
                    re.sub(r"\d", "", a["columns"][k]) for k in ambiguous if k in a["columns"]}:
                continue
            if f["code"] == "unknown-year" and not a.get("year_stated", True):
                continue
            if f["code"] == "no-form" and any(s["role"] != "table" for s in a["sheets"] if s["name"] == f.get("sheet")):
                continue
            if f["code"] == "other-year-sheet" or (f["code"] == "unknown-unit" and unstated):
                continue
            problems.append(f"finding {f['code']} at {f.get('sheet')}!{f.get('cell')}: {f['message'][:90]}")
        if problems:
            failed.append((a["file"], a["producer"], a.get("encoding"), problems))

    print(f"layouts: {len(answers) - len(failed)}/{len(answers)} read exactly; {exact}/{cells} figure cells exact")
    for name, producer, encoding, problems in failed[: args.show]:
        print(f"FAIL {name} ({producer}{', ' + encoding if encoding else ''}): " + "; ".join(problems[:8]))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
