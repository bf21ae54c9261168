#!/usr/bin/env python3
"""Cross-checks thidua's .ods reader with independent readers, cell by cell, on every
.ods fixture (producers/ods and the handwritten ones): python-calamine where it opens the
file, LibreOffice (each file saved as .xlsx, read with openpyxl) where it does not.
Where the other reader differs for a reason of its own, the difference is listed in
KNOWN with the reason (also in docs/fixtures.md); any other difference fails.

    python3 scripts/crosscheck-ods.py PATH/TO/thidua
"""
import csv
import datetime as dt
import fnmatch
import glob
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings

import openpyxl
from python_calamine import CalamineWorkbook

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")

# Files calamine does not open, read by LibreOffice instead (its reason).
LIBREOFFICE_ONLY = {
    "crafted/ods-prefixes.ods": "calamine requires the `mimetype` entry, which ODF makes optional",
    "crafted/ods-repeats.ods": "calamine allocates the whole grid its repeats span (17 billion cells) and refuses",
}
# Files whose CSV would be the whole grid (17 GB); the other reader is compared with the
# committed `.expected.txt`, which the Swift tests compare with thidua.
VIA_EXPECTED = {"crafted/ods-repeats.ods"}

# (fixture pattern, sheet, cell, reader): why that reader's value is not what the file holds.
KNOWN = [
    ("producers/ods/cases.ods", "Kiểu dữ liệu", "A3", "calamine",
     "LibreOffice stores an .xlsx boolean as the formula =TRUE() with the number 1; calamine reads the number"),
    ("producers/ods/cases.ods", "Kiểu dữ liệu", "B3", "calamine",
     "LibreOffice stores an .xlsx boolean as the formula =FALSE() with the number 0; calamine reads the number"),
    ("producers/ods/cases.ods", "Kiểu dữ liệu", "C3", "calamine",
     "an error result is `office:string-value=\"\"` with `calcext:value-type=\"error\"`; calamine reads the empty string"),
    ("producers/ods/cases.ods", "Kiểu dữ liệu", "D3", "calamine",
     "an error result is `office:string-value=\"\"` with `calcext:value-type=\"error\"`; calamine reads the empty string"),
    ("producers/ods/cases.ods", "Ngày tháng", "D3", "calamine",
     "1899-12-31 has no serial in Excel's 1900 system; thidua reads serial 0 (a time of day), calamine the date"),
    ("crafted/ods-text.ods", "Chữ", "A2", "calamine",
     "calamine drops `<text:tab/>` and `<text:line-break/>` (ODF 1.2 Part 1, §6.1.4–§6.1.5)"),
    ("crafted/ods-text.ods", "Chữ", "A5", "calamine",
     "calamine adds the text of the cell's annotation (`office:annotation`) to the cell's text"),
    ("crafted/ods-text.ods", "Chữ", "A6", "calamine",
     "calamine drops a CDATA section (`<![CDATA[<b>&]]>`) inside a paragraph"),
    ("crafted/ods-text.ods", "Chữ", "A8", "calamine",
     "calamine reads a cell without `office:value-type` as empty; LibreOffice reads its paragraph as text"),
    ("crafted/ods-text.ods", "Chữ", "A12", "calamine",
     "calamine adds the text of shapes and notes inside the cell, which LibreOffice leaves out"),
    ("crafted/ods-types.ods", "Kiểu", "D2", "calamine",
     "a number under a date style: thidua reads a date, as the .xlsx reader does; calamine the number"),
    ("crafted/ods-types.ods", "Kiểu", "E2", "calamine",
     "a number under a style whose parent has a date style: thidua reads a date; calamine the number"),
    ("crafted/ods-types.ods", "Kiểu", "E3", "calamine",
     "a number under a time style: thidua reads a time; calamine the number"),
    ("crafted/ods-types.ods", "Kiểu", "C4", "calamine",
     "the formula =TRUE() with the number 1 is LibreOffice's boolean; calamine reads the number"),
    ("crafted/ods-types.ods", "Kiểu", "D4", "calamine",
     "the formula =FALSE() with the number 0 is LibreOffice's boolean; calamine reads the number"),
    ("crafted/ods-types.ods", "Kiểu", "E4", "calamine",
     "an error result is `office:string-value=\"\"` with `calcext:value-type=\"error\"`; calamine reads the empty string"),
    ("crafted/ods-types.ods", "Kiểu", "B5", "calamine",
     "calamine reads a cell without `office:value-type` as empty; LibreOffice reads its paragraph as text"),
    ("crafted/ods-prefixes.ods", "Mặc định", "A1", "libreoffice",
     "LibreOffice saves a boolean without a boolean data style as the number 1"),
]


def known(rel, sheet, cell, reader):
    return next((r for pat, s, c, who, r in KNOWN
                 if fnmatch.fnmatch(rel, pat) and s == sheet and c == cell and who == reader), None)


def number(x):
    s = repr(float(x))
    return s[:-2] if s.endswith(".0") else s


def round_seconds(t):
    """A datetime or time rounded to the nearest second, as thidua rounds serials."""
    if isinstance(t, dt.datetime):
        return (t + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    whole = dt.datetime.combine(dt.date(2000, 1, 1), t) + dt.timedelta(microseconds=500_000)
    return whole.replace(microsecond=0).time()


def serial_text(days):
    """thidua's text of an Excel serial of the 1900 system (ExcelDate.isoText)."""
    seconds = round(days * 86_400)
    whole, rest = divmod(seconds, 86_400)
    clock = f"{rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}"
    if whole == 0:
        return clock
    date = dt.date(1899, 12, 31 if whole < 60 else 30) + dt.timedelta(days=whole)
    return date.isoformat() + ("T" + clock if rest else "")


DURATION = re.compile(r"^(-?)P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def canonical(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, dt.datetime):
        value = round_seconds(value)
        return value.strftime("%Y-%m-%d") if value.time() == dt.time(0) else value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return round_seconds(value).strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        return serial_text(value.total_seconds() / 86_400)
    match = DURATION.match(value) if len(value) > 1 else None
    if match:  # calamine gives time values it cannot make a time of as ISO 8601 text
        sign, d, h, m, s = match.groups()
        days = float(d or 0) + float(h or 0) / 24 + float(m or 0) / 1440 + float(s or 0) / 86_400
        return serial_text(-days if sign else days)
    return str(value)


def address(row, col):
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def calamine_sheets(path):
    """{sheet: {cell: text}} as python-calamine reads the file (named .ods for it)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "book.ods")
        shutil.copy(path, copy)
        book = CalamineWorkbook.from_path(copy)
        sheets = {}
        for name in book.sheet_names:
            cells = {}
            for r, row in enumerate(book.get_sheet_by_name(name).to_python(skip_empty_area=False), start=1):
                for c, v in enumerate(row, start=1):
                    if canonical(v) != "":
                        cells[address(r, c)] = canonical(v)
            sheets[name] = cells
        return sheets


def libreoffice_sheets(paths):
    """{path: {sheet: {cell: text}}}: LibreOffice opens each .ods and saves it as .xlsx;
    openpyxl reads the cells stored there, so a lone cell at XFD1048576 costs one cell."""
    result = {}
    tmp = tempfile.mkdtemp()
    try:
        for i, path in enumerate(paths):
            shutil.copy(path, os.path.join(tmp, f"book{i}.ods"))
        sources = [os.path.join(tmp, f"book{i}.ods") for i in range(len(paths))]
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "xlsx", "--outdir", tmp, *sources], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=900)
        for i, path in enumerate(paths):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                book = openpyxl.load_workbook(os.path.join(tmp, f"book{i}.xlsx"), data_only=True)
            result[path] = {ws.title: {c.coordinate: canonical(c.value) for c in ws._cells.values()
                                       if canonical(c.value) != ""} for ws in book.worksheets}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def thidua_sheet(binary, path, sheet):
    out = subprocess.run([binary, "convert", path, "--sheet", sheet, "--out", "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    cells = {}
    for r, row in enumerate(csv.reader(io.StringIO(out, newline="")), start=1):
        for c, v in enumerate(row, start=1):
            if v != "":
                cells[address(r, c)] = v
    return cells


def expected_sheets(path):
    """{sheet: {cell: text}} from a fixture's `.expected.txt` (escapes undone)."""
    sheets, current = {}, None
    for line in open(os.path.splitext(path)[0] + ".expected.txt", encoding="utf-8").read().split("\n"):
        if line.startswith("## "):
            current = sheets.setdefault(line[3:line.rindex(" [")], {})
        elif line:
            cell, _, text = line.split("\t", 2)
            current[cell] = re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "t": "\t"}.get(m[1], m[1]), text)
    return sheets


def ensure_libreoffice():
    """Installs LibreOffice's Calc when it is missing, as scripts/crosscheck-writer does."""
    if shutil.which("soffice"):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "libreoffice-calc-nogui"],
                   check=True, env=env, stdout=subprocess.DEVNULL)


def main(binary):
    ensure_libreoffice()
    files = sorted(glob.glob(os.path.join(ROOT, "producers", "ods", "*.ods"))
                   + glob.glob(os.path.join(ROOT, "crafted", "ods-*.ods")))
    rels = {path: os.path.relpath(path, ROOT) for path in files}
    by_libreoffice = libreoffice_sheets([p for p in files if rels[p] in LIBREOFFICE_ONLY])
    checked = failed = known_diffs = 0
    for path in files:
        rel = rels[path]
        reader = "libreoffice" if rel in LIBREOFFICE_ONLY else "calamine"
        theirs_by_sheet = by_libreoffice[path] if reader == "libreoffice" else calamine_sheets(path)
        ours_by_sheet = expected_sheets(path) if rel in VIA_EXPECTED else None
        for sheet, theirs in theirs_by_sheet.items():
            ours = ours_by_sheet[sheet] if ours_by_sheet is not None else thidua_sheet(binary, path, sheet)
            for cell in sorted(set(ours) | set(theirs)):
                checked += 1
                a, b = ours.get(cell, ""), theirs.get(cell, "")
                if a == b:
                    continue
                if known(rel, sheet, cell, reader):
                    known_diffs += 1
                    continue
                failed += 1
                print(f"DIFF {rel} '{sheet}'!{cell}: thidua {a!r} {reader} {b!r}")
    print(f"ods cross-check: {len(files)} files, {checked} cells compared, {known_diffs} known differences")
    print(f"{checked - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/thidua"))
