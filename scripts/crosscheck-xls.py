#!/usr/bin/env python3
"""Cross-checks thidua's .xls reader with xlrd, an independent reader, on every .xls
fixture that is not hostile: sheet names, order and states, merged ranges, and every
cell of every sheet (`thidua convert --sheet NAME --to csv`). Where xlrd cannot say what
the file holds the difference is listed in KNOWN with the reason (also in
docs/fixtures.md); any other difference fails.

    python3 scripts/crosscheck-xls.py PATH/TO/thidua
"""
import csv
import fnmatch
import glob
import io
import json
import os
import subprocess
import sys
import unicodedata

import xlrd

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")

# Files xlrd cannot open, and why.
UNREADABLE = {
    "crafted/xls/sector-4096.xls": "xlrd places the sectors of a version 4 file (4096-byte sectors) after a 512-byte "
                                   "header, but [MS-CFB] §2.2 starts sector 0 at byte 4096",
}

# (fixture pattern, sheet, cell): why xlrd's value is not what the file holds.
KNOWN = [
    ("producers/xls/cases.xls", "Ngày tháng", "A3",
     "xlrd refuses dates before 1900-03-01 (XLDateAmbiguous); the serial is 59, 1900-02-28"),
    ("producers/xls/cases.xls", "Ngày tháng", "B3",
     "xlrd refuses dates before 1900-03-01; the serial is 60, Excel's fictitious 1900-02-29"),
    ("producers/xls/cases.xls", "Ngày tháng", "D3",
     "xlrd refuses dates before 1900-03-01; the serial is 1, 1900-01-01"),
    ("producers/xls/cases.xls", "Ngày tháng", "G1",
     "xlrd refuses dates before 1900-03-01; serial 1.5 is 1900-01-01T12:00:00"),
    ("producers/xls/cases.xls", "Ngày tháng", "K2",
     "xlrd refuses dates before 1900-03-01; serial 1.25 is 1900-01-01T06:00:00"),
    ("producers/xls/date1904.xls", "Hệ 1904", "A1",
     "serial 0 in the 1904 system is 1904-01-01; xlrd treats any serial below 1 as a time of day"),
    ("crafted/xls/odd-records.xls", "Số liệu", "D4",
     "xlrd refuses dates before 1900-03-01; serial 1.5 is 1900-01-01T12:00:00"),
]

STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}


def known(rel, sheet, cell):
    return next((r for pat, s, c, r in KNOWN if fnmatch.fnmatch(rel, pat) and s == sheet and c == cell), None)


def number(value):
    s = repr(float(value))
    return s[:-2] if s.endswith(".0") else s


def canonical(cell, datemode):
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, f"#ERR{value}")
    if kind == xlrd.XL_CELL_NUMBER:
        return number(value)
    if kind == xlrd.XL_CELL_DATE:
        try:
            y, m, d, hh, mm, ss = xlrd.xldate_as_tuple(value, datemode)
        except xlrd.xldate.XLDateError as error:
            return f"<{type(error).__name__}>"
        time = f"{hh:02d}:{mm:02d}:{ss:02d}"
        if (y, m, d) == (0, 0, 0):
            return time
        date = f"{y:04d}-{m:02d}-{d:02d}"
        return date if (hh, mm, ss) == (0, 0, 0) else f"{date}T{time}"
    return str(value)


def address(row, col):
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def ranges(merged):
    return [f"{address(r1 + 1, c1 + 1)}:{address(r2, c2)}" if (r2 - r1, c2 - c1) != (1, 1) else address(r1 + 1, c1 + 1)
            for r1, r2, c1, c2 in merged]


def thidua_cells(binary, path, sheet):
    out = subprocess.run([binary, "convert", path, "--sheet", sheet, "--to", "csv", "--out", "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    cells = {}
    for r, row in enumerate(csv.reader(io.StringIO(out, newline="")), start=1):
        for c, v in enumerate(row, start=1):
            if v != "":
                cells[address(r, c)] = v
    return cells


def main(binary):
    checked = failed = expected_diffs = skipped = 0
    files = sorted(glob.glob(os.path.join(ROOT, "producers", "xls", "*.xls")) +
                   glob.glob(os.path.join(ROOT, "crafted", "xls", "*.xls")))
    for path in files:
        rel = os.path.relpath(path, ROOT)
        if rel in UNREADABLE:
            skipped += 1
            print(f"SKIP {rel}: {UNREADABLE[rel]}")
            continue
        book = xlrd.open_workbook(path, formatting_info=True)
        report = json.loads(subprocess.run([binary, "inspect", path, "--json"], capture_output=True, check=True).stdout)
        ours = {s["name"]: s for s in report["sheets"]}
        theirs = [(s.name, STATES[s.visibility], ranges(s.merged_cells)) for s in book.sheets()]
        # xlrd leaves out chart sheets; thidua lists them, with no cells.
        listed = [(s["name"], s["state"], s["mergedRanges"]) for s in report["sheets"]
                  if s.get("usedRange") is not None or s["name"] in {n for n, _, _ in theirs}]
        if listed != theirs:
            failed += 1
            print(f"DIFF {rel}: sheets, states or merges: thidua {listed} xlrd {theirs}")
        extra = set(ours) - {n for n, _, _ in theirs}
        for name in extra:
            if ours[name].get("usedRange"):
                failed += 1
                print(f"DIFF {rel}: sheet {name!r} has cells for thidua and is not a worksheet for xlrd")
        for ws in book.sheets():
            mine = thidua_cells(binary, path, ws.name)
            other = {}
            for r in range(ws.nrows):
                for c in range(ws.ncols):
                    v = canonical(ws.cell(r, c), book.datemode)
                    if book.encoding == "cp1258":
                        # Windows-1258 writes tones as combining marks; thidua composes
                        # them (NFC), as it does for Windows-1258 CSV.
                        v = unicodedata.normalize("NFC", v)
                    if v != "":
                        other[address(r + 1, c + 1)] = v
            for cell in sorted(set(mine) | set(other)):
                checked += 1
                a, b = mine.get(cell, ""), other.get(cell, "")
                if a == b:
                    continue
                if known(rel, ws.name, cell):
                    expected_diffs += 1
                    continue
                failed += 1
                print(f"DIFF {rel} '{ws.name}'!{cell}: thidua {a!r} xlrd {b!r}")
    print(f"xlrd cross-check: {checked} cells compared in {len(files) - skipped} files, {expected_diffs} known xlrd "
          f"differences, {skipped} file(s) xlrd cannot read")
    print(f"{checked - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/thidua"))
