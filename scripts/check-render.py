#!/usr/bin/env python3
"""Checks the reviewers' workbook as it prints, measured independently of thidua.

    check-render.py THIDUA

Runs `THIDUA convert-and-validate` on the sample inbox, prints the reviewers' workbook
to PDF with LibreOffice, and checks:

- every chart is on a chart sheet of its own, so that none can straddle a page break
  or sit under a repeated header row (openpyxl: no worksheet holds a chart);
- the proposals sheet prints at 10 points or more (PyMuPDF: the size of the text on
  the pages that carry its header row);
- no text cell of the ranking and proposals sheets is cut off: each text is measured
  in Liberation Serif (the metrics of Times New Roman) with Pillow, against its column's
  width (Excel's pixels, and the empty cells it runs on over) when it does not wrap, and
  against its row's height when it wraps, lines broken at spaces as Excel and
  LibreOffice break them;
- the same on every sheet of the templates of a district, a commune, a department and
  the enterprises for 2017, whose year cells show 2017 (format `0`, not `2,017`), and
  every page of those templates printed at 7.5 points or more (an 18-column household
  list is printed across pages rather than shrunk: docs/templates.md).

Prints one line per problem and exits 1 if there is any.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

import openpyxl
import pymupdf
from PIL import ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINE_POINTS = 13.8  # one line of 12-point Liberation Serif, as LibreOffice spaces it


FACES = {}


def font(bold, italic=False, size=12):
    """Liberation Serif at `size` points, measured in hundredths of a point."""
    name = "LiberationSerif-" + {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic",
                                 (True, True): "BoldItalic"}[(bold, italic)] + ".ttf"
    if (name, size) not in FACES:
        found = glob.glob("/usr/share/fonts/truetype/liberation*/" + name)
        if not found:
            sys.exit("check-render: Liberation Serif is not installed (scripts/setup libreoffice)")
        FACES[(name, size)] = ImageFont.truetype(found[0], int(size * 100))
    return FACES[(name, size)]


def points(text, face):
    return face.getlength(text) / 100


def column_points(sheet, letter):
    width = sheet.column_dimensions[letter].width or 8.43
    pixels = int(width * 7 + 0.5) + 5
    return (pixels - 6) * 0.75  # a few pixels of margin on each side


def wrapped_lines(text, room, face):
    count = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split(" "):
            w = points(word, face)
            if used and used + points(" ", face) + w <= room:
                used += points(" ", face) + w
            elif not used and w <= room:
                used = w
            else:
                if used:
                    lines += 1
                extra = int(w // room) if w > room else 0
                lines += extra
                used = w - extra * room
        count += lines
    return count


def check_cells(book, names, problems, first_row=4, label=""):
    for name in names:
        sheet = book[name]
        merged = {m.start_cell.coordinate: m for m in sheet.merged_cells.ranges}
        covered = {c for m in sheet.merged_cells.ranges for c in _cells(m)} - set(merged)
        last_column = sheet.max_column + 1
        for row in sheet.iter_rows(min_row=first_row):
            for cell in row:
                if not isinstance(cell.value, str) or not cell.value or cell.coordinate in covered:
                    continue
                if sheet.row_dimensions[cell.row].hidden or sheet.column_dimensions[cell.column_letter].hidden:
                    continue
                face = font(bool(cell.font.b), bool(cell.font.i), cell.font.sz or 12)
                span = merged.get(cell.coordinate)
                letters = [openpyxl.utils.get_column_letter(c) for c in
                           range(cell.column, (span.max_col if span else cell.column) + 1)]
                room = sum(column_points(sheet, letter) for letter in letters)
                where = f"{label}{name}!{cell.coordinate}"
                if cell.alignment.wrap_text:
                    height = sheet.row_dimensions[cell.row].height or 15.75
                    lines = wrapped_lines(cell.value, room, face)
                    if lines * LINE_POINTS > height + 1:
                        problems.append(
                            f"{where}: {lines} lines need {lines * LINE_POINTS:.0f} pt, "
                            f"the row has {height:.0f} pt: {cell.value[:40]!r}")
                    continue
                # A text that does not wrap runs on over empty cells to its right.
                if not span:
                    c = cell.column + 1
                    while c <= last_column and getattr(sheet._cells.get((cell.row, c)), "value", None) in (None, ""):
                        room += column_points(sheet, openpyxl.utils.get_column_letter(c))
                        c += 1
                wide = max(points(line, face) for line in cell.value.split("\n"))
                if wide > room + 0.5:
                    problems.append(f"{where}: {wide:.0f} pt of text in {room:.0f} pt: {cell.value[:40]!r}")


def _cells(merged):
    return {f"{openpyxl.utils.get_column_letter(c)}{r}"
            for r in range(merged.min_row, merged.max_row + 1) for c in range(merged.min_col, merged.max_col + 1)}


def check_templates(thidua, scratch, problems):
    """The templates of a district, a commune, a department and the enterprises, for
    2017: no cell cut off on any sheet, and the year written as a year."""
    folder = os.path.join(scratch, "mau")
    for who in (["--unit", "504"], ["--unit", "20998"], ["--unit", "SNV"], ["--category", "DOANH_NGHIEP"]):
        subprocess.run([thidua, "templates", *who, "--year", "2017", "--out", folder], check=True,
                       stdout=subprocess.DEVNULL)
    names = sorted(os.listdir(folder))
    for name in names:
        book = openpyxl.load_workbook(os.path.join(folder, name))
        check_cells(book, book.sheetnames, problems, first_row=2, label=name + " ")
        for ws in book.worksheets[1:]:
            if ws["B4"].value != 2017 or ws["B4"].number_format != "0":
                problems.append(f"{name} {ws.title}!B4: {ws['B4'].value!r} as {ws['B4'].number_format!r}")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{scratch}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", folder, *[os.path.join(folder, n) for n in names]],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    smallest = None
    for name in names:
        sizes = printed_sizes(os.path.join(folder, name[:-5] + ".pdf"), [])
        if not sizes:
            problems.append(f"{name}: no printed text")
            continue
        smallest = min(sizes) if smallest is None else min(smallest, min(sizes))
        if min(sizes) < TEMPLATE_POINTS:
            problems.append(f"{name} prints at {min(sizes):.1f} pt, less than {TEMPLATE_POINTS}")
    return len(names), smallest or 0


TEMPLATE_POINTS = 7.5  # the 11-point note at the templates' least scale, 70 %


def printed_sizes(pdf, marker_words):
    sizes = []
    for page in pymupdf.open(pdf):
        # The header wraps: words of one title may be on two lines.
        text = " ".join(unicodedata.normalize("NFC", page.get_text()).split())
        if not all(word in text for word in marker_words):
            continue
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    # The page footer ("Trang 3/27") and the run stamp in the header ("Lần chạy
                    # 2 · mã 3ff12cb6") are the page's, in their own small type, not the sheet's.
                    text = span["text"].strip()
                    if text and not re.fullmatch(r"(Trang|Page) \d+/\d+|(Lần chạy|Run) \d+ · .*", text):
                        sizes.append(span["size"])
    return sizes


def main():
    thidua = os.path.abspath(sys.argv[1])
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "out")
        subprocess.run([thidua, "convert-and-validate", os.path.join(ROOT, "fixtures/inbox"), "--out", out],
                       check=True, stdout=subprocess.DEVNULL)
        book_path = glob.glob(os.path.join(out, "tham-dinh-nam-*.xlsx"))[0]
        subprocess.run(["soffice", f"-env:UserInstallation=file://{scratch}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", scratch, book_path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pdf = os.path.join(scratch, os.path.basename(book_path)[:-5] + ".pdf")
        book = openpyxl.load_workbook(book_path)

        charts_on_sheets = [ws.title for ws in book.worksheets if ws._charts]
        for title in charts_on_sheets:
            problems.append(f"{title}: a chart on a worksheet, where a page break can cut it")
        if len(book.chartsheets) < 2:
            problems.append(f"{len(book.chartsheets)} chart sheets, 2 expected")

        sizes = printed_sizes(pdf, ["Ý kiến thẩm định", "Đủ điều kiện"])
        if not sizes:
            problems.append("no printed page of the proposals sheet found")
        elif min(sizes) < 10:
            problems.append(f"the proposals sheet prints at {min(sizes):.1f} pt, less than 10")
        ranking = [name for name in book.sheetnames if name.startswith("Xếp hạng")]
        check_cells(book, ranking + ["Đề xuất khen thưởng"], problems)
        pages = len(pymupdf.open(pdf))
        templates, template_points = check_templates(thidua, scratch, problems)
    for p in problems:
        print(p)
    print(f"rendered {pages} pages; proposals printed at {min(sizes) if sizes else 0:.1f}–"
          f"{max(sizes) if sizes else 0:.1f} pt; charts on {len(book.chartsheets)} chart sheets; "
          f"{templates} templates measured, printed at {template_points:.1f} pt or more; "
          f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
