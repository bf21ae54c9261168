#!/usr/bin/env python3
"""Cross-checks `thidua convert` with openpyxl, an independent reader, cell by cell, on
every producer and handwritten fixture. Where openpyxl itself is wrong the difference is
listed in KNOWN with the reason (also in docs/fixtures.md); any other difference fails.

    python3 scripts/crosscheck-openpyxl.py PATH/TO/thidua
"""
import csv
import datetime as dt
import fnmatch
import glob
import io
import os
import subprocess
import sys
import warnings

import openpyxl

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")

# (fixture pattern, sheet, cell): why openpyxl's value is not what the file holds.
KNOWN = [
    ("crafted/handwritten.xlsx", "Thủ công", "A8",
     "openpyxl leaves the `_x005F_` and `_xD83D__xDE00_` escapes undecoded (ECMA-376 Part 1, §22.4.2.4)"),
    ("crafted/handwritten.xlsx", "Thủ công", "B1",
     "openpyxl drops a shared string that has a phonetic run (`<rPh>`) after its rich-text runs"),
    ("crafted/handwritten.xlsx", "Thủ công", "G9",
     "openpyxl reads `-0` as the integer 0 and loses the sign of negative zero"),
    ("producers/*/cases.xlsx", "Kiểu dữ liệu", "C5",
     "openpyxl leaves the `_x0001_` escape of a control character undecoded (ECMA-376 Part 1, §22.4.2.4)"),
    ("producers/*/*cases.xlsx", "Ngày tháng", "B3",
     "serial 60 is Excel's fictitious 1900-02-29; openpyxl shows it as 1900-02-28"),
    ("producers/*/*date1904.xlsx", "Hệ 1904", "A1",
     "serial 0 in the 1904 system is 1904-01-01; openpyxl treats any serial below 1 as a time of day"),
]


def known(rel, sheet, cell):
    return next((r for pat, s, c, r in KNOWN if fnmatch.fnmatch(rel, pat) and s == sheet and c == cell), None)


def canonical(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        s = repr(float(value))
        return s[:-2] if s.endswith(".0") else s
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == dt.time(0) else value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        # openpyxl turns [h]:mm formats into durations; thidua reads them as date-times
        # from the epoch, as Excel's cell value is the same serial.
        base = dt.datetime(1899, 12, 31) + value
        return base.strftime("%Y-%m-%dT%H:%M:%S")
    return str(value)


def address(row, col):
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def main(binary):
    checked = failed = expected_diffs = 0
    files = sorted(glob.glob(os.path.join(ROOT, "producers", "*", "*.xlsx")) + glob.glob(os.path.join(ROOT, "crafted", "*.xlsx")) + [os.path.join(ROOT, "sample", "bao-cao-mau.xlsx")])
    for path in files:
        rel = os.path.relpath(path, ROOT)
        if "lone-cell" in rel:
            continue  # a 17 GB CSV; the reader tests cover it
        if rel == "crafted/ods-named.xlsx":
            continue  # an .ods package under an .xlsx name: scripts/crosscheck-ods.py reads .ods
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, data_only=True)
        for ws in book.worksheets:
            out = subprocess.run([binary, "convert", path, "--sheet", ws.title, "--out", "-"], capture_output=True, check=True).stdout.decode("utf-8")
            ours = {}
            for r, row in enumerate(csv.reader(io.StringIO(out, newline="")), start=1):
                for c, v in enumerate(row, start=1):
                    if v != "":
                        ours[address(r, c)] = v
            theirs = {}
            for row in ws.iter_rows():
                for cell in row:
                    v = canonical(cell.value)
                    if v != "":
                        theirs[cell.coordinate] = v
            for cell in sorted(set(ours) | set(theirs)):
                checked += 1
                a, b = ours.get(cell, ""), theirs.get(cell, "")
                if a == b:
                    continue
                if known(rel, ws.title, cell):
                    expected_diffs += 1
                    continue
                failed += 1
                print(f"DIFF {rel} '{ws.title}'!{cell}: thidua {a!r} openpyxl {b!r}")
    print(f"openpyxl cross-check: {checked} cells compared, {expected_diffs} known openpyxl differences")
    print(f"{checked - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/thidua"))
