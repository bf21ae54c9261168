#!/usr/bin/env python3
"""Cross-checks the expectations of fixtures/formats/ against independent readers, without
thidua: pandas.read_html (lxml) on the HTML files, python-docx on the .docx files (both
from PyPI: pip install pandas lxml python-docx).

    python3 scripts/check-formats.py

What it compares:
  - every committed `.expected.txt` of fixtures/formats/ with the dump that
    scripts/fixtures/other_formats.py writes from its spec (so the files checked below
    are the ones the Swift tests read);
  - `tay.html`, `phan-mem-web.xls` (Windows-1258): each table cell by cell with pandas,
    merged ranges filled with their first cell's text as pandas fills them, texts
    compared with whitespace collapsed (pandas turns <br> into a space and collapses
    `&nbsp;`), `x:num` cells as numbers (pandas reads the shown text: `1.297`, `2,28`
    are read the Vietnamese way); the sheet's text rows outside the table are not
    pandas' and are not compared;
  - that the renamed files are their sources' bytes;
  - `bao-cao-mau.html` (and `bao-cao-mau-html.xls`, the same bytes), `phan-mem-web.xls`:
    the 17 or 15 rows of the table, figure by figure, with the sample's CSV
    (fixtures/sample/bao-cao-mau.csv): same titles, header words, communes and figures;
  - `tay.docx`, `bao-cao-xa.docx`, `bao-cao-xa-python-docx.docx`: the body in order
    (python-docx's `iter_inner_content`), the non-empty paragraphs and every table cell
    (`row.cells`, spans repeated as python-docx repeats them), texts exact, each cell's
    empty paragraphs left out as the layout rule says; and that both commune reports
    hold w:gridSpan and w:vMerge.
Where the other reader is known to differ, the difference is listed below with its reason
and must occur as listed. Exits 1 on any other difference.
"""
import csv
import os
import re
import sys
import unicodedata
import warnings
import zipfile
from itertools import zip_longest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FORMATS = os.path.join(ROOT, "fixtures", "formats")
sys.path.insert(0, os.path.join(ROOT, "scripts", "fixtures"))
import other_formats as of  # noqa: E402

failures = []
compared = {"cells": 0, "files": 0}

# (file, sheet, cell): (what we expect, what the other reader gives, why)
KNOWN = {
    ("tay.html", "Biểu 01", "A10"): ("Có bảng lồng\nvà chữ sau", "Có bảng lồngbảng conkhông đọc và chữ sau",
                                     "pandas keeps a nested table's text in the outer cell (lxml text_content)"),
    ("tay.html", "Biểu 01", "A11"): ("Thôn 6", 'Thôn 6document.write("không hiện")p { color: red }',
                                     "pandas keeps the text of <script> and <style> inside a cell"),
    ("tay.html", "Biểu 01", "C11"): ("Thôn 7 (mới)", "Thôn 7", "pandas reads the shown text, not x:str's value"),
    ("tay.docx", "Bảng 1", "A6"): ("Số mới", "Thôn & xã",
                                   "python-docx reads only a row's direct w:tc, not those in a w:sdt"),
    ("tay.docx", "Bảng 1", "B6"): ("  hai khoảng  ", "<5>", "the same: the row's cells shift left"),
    ("tay.docx", "Bảng 1", "C6"): ("Thôn & xã", "", "the same: the row is two cells short"),
    ("tay.docx", "Bảng 1", "D6"): ("<5>", "", "the same"),
}
# pandas also puts a nested table's rows into the outer table, after the row that holds
# it (its XPath takes every descendant <tr>); they are taken out before comparing, and
# must be there.
NESTED_ROWS = {"tay.html": [["bảng con", "không đọc"]]}
seen_known = set()


def fail(message):
    failures.append(message)
    print("FAIL", message)


def norm(s):
    """NFC, <br> and &nbsp; as spaces, whitespace collapsed, trimmed."""
    s = unicodedata.normalize("NFC", s).replace("\xa0", " ").replace("\n", " ")
    return " ".join(s.split())


def vn_number(s):
    """`1.297` → 1297.0, `2,28` → 2.28: the shown text of a cell, read the Vietnamese way."""
    return float(s.replace(".", "").replace(",", "."))


def expected_grid(layout):
    """The table's rows with each merged range filled with its first cell, as pandas and
    python-docx return spans: (kind, text) or None."""
    rows = [list(row) for row in layout.table]
    for r1, c1, r2, c2 in layout.merges:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                while len(rows[r]) <= c:
                    rows[r].append(None)
                rows[r][c] = layout.table[r1][c1]
    return rows


def compare_cell(file, sheet, address, expected, got, exact):
    """expected: (kind, text) or None; got: the other reader's text ("" for none)."""
    compared["cells"] += 1
    key = (file, sheet, address)
    want = "" if expected is None else expected[1]
    if key in KNOWN:
        k_want, k_got, why = KNOWN[key]
        if (want, got) != (k_want, k_got):
            fail(f"{file} {sheet}!{address}: listed as known ({why}) but expected {want!r}, got {got!r}")
        seen_known.add(key)
        return
    if expected is not None and expected[0] == "number":
        try:
            same = abs(vn_number(got) - float(want)) < 1e-9
        except ValueError:
            same = False
    elif exact:
        same = want == got
    else:
        same = norm(want) == norm(got)
    if not same:
        fail(f"{file} {sheet}!{address}: expected {want!r}, the other reader gives {got!r}")


# ----------------------------------------------------------------------------- expectations


def check_expectation_files():
    pairs = [
        ("tay.expected.txt", of.tay_xml_expected()),
        ("cases-2003.expected.txt", of.cases_2003_expected()),
        ("tay.html.expected.txt", of.dump([layout.sheet() for layout in of.tay_html_layouts()])),
        ("tay.docx.expected.txt", of.dump([layout.sheet() for layout in of.tay_docx_layouts()])),
        ("phan-mem-web.expected.txt", of.dump([of.web_report_layout().sheet()])),
        ("bao-cao-xa.expected.txt", of.commune_expected()),
        ("bao-cao-xa-python-docx.expected.txt", of.commune_expected()),
        ("bao-cao-mau-2003.expected.txt", of.sample_2003_expected()),
        ("expected.tsv", of.expected_tsv()),
    ]
    for name, text in pairs:
        with open(os.path.join(FORMATS, name), encoding="utf-8") as f:
            if f.read() != text:
                fail(f"{name} differs from what scripts/fixtures/other_formats.py writes: run scripts/make-fixtures formats")


# ----------------------------------------------------------------------------- HTML


def pandas_tables(path, encoding=None):
    import pandas as pd
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = pd.read_html(path, header=None, keep_default_na=False, displayed_only=False, flavor="lxml",
                              encoding=encoding, extract_links="all")
    grids = []
    for df in tables:
        text = lambda v: v[0] if isinstance(v, tuple) else ("" if v is None else str(v))  # noqa: E731
        rows = []
        # <thead> rows become pandas' column labels: (text, link) for one row, a tuple of
        # those for several; plain numbers when there is no header.
        labels = [[text(x) for x in c] if isinstance(c, tuple) and c and isinstance(c[0], tuple)
                  else [text(c)] if isinstance(c, tuple) else None for c in df.columns]
        if all(label is not None for label in labels):
            rows += [list(level) for level in zip(*labels)]
        rows += [[text(v) for v in row] for row in df.values.tolist()]
        grids.append(rows)
    return grids


def check_html(file, layouts, encoding=None):
    # The nested tables' own sheets: pandas has them inside the outer table (NESTED_ROWS).
    layouts = [layout for layout in layouts if not layout.nested]
    grids = pandas_tables(os.path.join(FORMATS, file), encoding)
    compared["files"] += 1
    nested = NESTED_ROWS.get(file, [])
    # pandas lists nested tables too, after the table that holds them: keep the outer ones.
    outer = [g for g in grids if [[norm(x) for x in row] for row in g] not in [[[norm(x) for x in row]
                                                                                  for row in nested]]]
    if len(outer) != len(layouts):
        fail(f"{file}: {len(layouts)} tables expected, pandas finds {len(outer)} outside the nested ones")
        return
    removed = 0
    for layout, grid in zip(layouts, outer):
        kept = []
        for row in grid:
            width = len(nested[0]) if nested else 0
            if nested and [norm(x) for x in row[:width]] in [[norm(x) for x in n] for n in nested] \
                    and not any(norm(x) for x in row[width:]):
                removed += 1
                continue
            kept.append(row)
        want = expected_grid(layout)
        if len(kept) != len(want):
            fail(f"{file} {layout.name}: {len(want)} table rows expected, pandas gives {len(kept)}")
            continue
        for r, (erow, grow) in enumerate(zip(want, kept)):
            width = max(len(erow), len(grow))
            for c in range(width):
                e = erow[c] if c < len(erow) else None
                g = grow[c] if c < len(grow) else ""
                compare_cell(file, layout.name, of.ref(layout.table_top + r, c), e, g, exact=False)
    if removed != len(nested):
        fail(f"{file}: pandas put {removed} nested-table rows into the outer table, {len(nested)} expected")


def sample_csv():
    with open(os.path.join(ROOT, "fixtures", "sample", "bao-cao-mau.csv"), encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def same_as_sample(file, grid, rows, number):
    """Rows of `grid` (the file's table, 0-based) against the sample CSV's rows, figure by figure."""
    want = sample_csv()
    for r_grid, r_csv in rows:
        for c in range(10):
            w = want[r_csv][c] if c < len(want[r_csv]) else ""
            g = grid[r_grid][c] if c < len(grid[r_grid]) else ""
            compared["cells"] += 1
            if not w:
                continue  # a merged range's other cells, which pandas fills
            if re.fullmatch(r"-?[\d.]+", w):
                try:
                    ok = abs(number(g) - float(w)) < 1e-9
                except ValueError:
                    ok = False
            elif re.fullmatch(r"\d{4}-\d\d-\d\d", w):
                ok = g == "/".join(reversed(w.split("-")))
            else:
                ok = norm(g) == norm(w)
            if not ok:
                fail(f"{file}: row {r_grid + 1} column {c + 1}: the sample has {w!r}, pandas reads {g!r}")


def check_sample_html():
    a = open(os.path.join(FORMATS, "bao-cao-mau.html"), "rb").read()
    if a != open(os.path.join(FORMATS, "bao-cao-mau-html.xls"), "rb").read():
        fail("bao-cao-mau-html.xls is not bao-cao-mau.html's bytes")
    for copy, source in (("bao-cao-mau-2003.xls", "formats/bao-cao-mau-2003.xml"),
                         ("doi-ten-xlsx.xls", "sample/bao-cao-mau.xlsx"), ("doi-ten-csv.xlsx", "sample/bao-cao-mau.csv"),
                         ("doi-ten-xls.xlsx", "producers/xls/bao-cao-mau.xls"), ("khong-duoi", "sample/bao-cao-mau.csv")):
        if open(os.path.join(FORMATS, copy), "rb").read() != open(os.path.join(ROOT, "fixtures", source), "rb").read():
            fail(f"{copy} is not the bytes of {source}")
    grid = pandas_tables(os.path.join(FORMATS, "bao-cao-mau.html"))[0]
    compared["files"] += 1
    if len(grid) != 17:
        fail(f"bao-cao-mau.html: 17 rows expected, pandas reads {len(grid)}")
        return
    # LibreOffice shows the figures en-US: 4,210 and 2.28.
    same_as_sample("bao-cao-mau.html", grid, [(i, i) for i in range(17)], lambda s: float(s.replace(",", "")))
    web = pandas_tables(os.path.join(FORMATS, "phan-mem-web.xls"), "cp1258")[0]
    # The web report has the sample's rows 1-15; its header says "Tổng số<br>hộ dân cư".
    same_as_sample("phan-mem-web.xls", web, [(i, i) for i in range(15)], vn_number)


# ----------------------------------------------------------------------------- .docx


def docx_body(path):
    """[("p", text) | ("t", [[cell text]])] in body order, by python-docx."""
    import docx
    from docx.table import Table
    document = docx.Document(path)
    items = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells = []
                for cell in row.cells:
                    # A cell's empty paragraphs are left out (python-docx's cell.text joins them all).
                    cells.append("\n".join(p.text for p in cell.paragraphs if p.text.strip()))
                rows.append(cells)
            items.append(("t", rows))
        elif item.text.strip():
            items.append(("p", item.text))
    return items


def check_docx(file, layouts):
    # python-docx does not list a table inside a cell: the outer tables are compared.
    layouts = [layout for layout in layouts if not layout.nested]
    compared["files"] += 1
    items = docx_body(os.path.join(FORMATS, file))
    tables = [i for i, (k, _) in enumerate(items) if k == "t"]
    if len(tables) != len(layouts):
        fail(f"{file}: {len(layouts)} tables expected, python-docx finds {len(tables)}")
        return
    previous = -1
    for n, (layout, at) in enumerate(zip(layouts, tables)):
        before = [text for k, text in items[previous + 1:at] if k == "p"]
        after = [text for k, text in items[at + 1:] if k == "p"] if n == len(layouts) - 1 else []
        previous = at
        for i, (want, got) in enumerate(zip_longest(layout.before, before)):
            compare_cell(file, layout.name, of.ref(i, 0), ("text", want) if want is not None else None, got or "",
                         exact=True)
        grid = items[at][1]
        want_rows = expected_grid(layout)
        for r, (erow, grow) in enumerate(zip_longest(want_rows, grid)):
            erow, grow = erow or [], grow or []
            for c in range(max(len(erow), len(grow), len(want_rows[0]))):
                e = erow[c] if c < len(erow) else None
                g = grow[c] if c < len(grow) else ""
                compare_cell(file, layout.name, of.ref(layout.table_top + r, c), e, g, exact=True)
        below = layout.table_top + len(layout.table)
        for i, (want, got) in enumerate(zip_longest(layout.after, after)):
            compare_cell(file, layout.name, of.ref(below + i, 0), ("text", want) if want is not None else None,
                         got or "", exact=True)
    if file.startswith("bao-cao-xa"):
        document = zipfile.ZipFile(os.path.join(FORMATS, file)).read("word/document.xml").decode()
        if "<w:gridSpan " not in document or "<w:vMerge" not in document:
            fail(f"{file}: no w:gridSpan or w:vMerge")


def main():
    check_expectation_files()
    check_html("tay.html", of.tay_html_layouts())
    check_html("phan-mem-web.xls", [of.web_report_layout()], encoding="cp1258")
    check_sample_html()
    check_docx("tay.docx", of.tay_docx_layouts())
    check_docx("bao-cao-xa.docx", of.commune_layouts())
    check_docx("bao-cao-xa-python-docx.docx", of.commune_layouts())
    for key in sorted(set(KNOWN) - seen_known):
        fail(f"{key[0]} {key[1]}!{key[2]}: listed as a known difference but not compared")
    print(f"{compared['files']} files, {compared['cells']} cells compared, {len(KNOWN)} known differences, "
          f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
