#!/usr/bin/env python3
"""Filled templates read back exactly: writes thidua's templates for a district, a
commune, a department and the enterprises, fills them as a clerk would (openpyxl, the
year typed once, in the first sheet's year cell), lets LibreOffice save them, and
reviews them with `thidua convert-and-validate` (no --year) as they are, with their
defined names removed (the sheets copied into new workbooks), as .xls, as .ods, and
as one CSV per sheet. Each time: review year 2017, every file used with its unit,
every typed figure exact in csv/CHI_TIEU.csv, and no finding about them. Then a copy
with planted errors: each found at its cell.

    scripts/check-templates.py [THIDUA]

Needs openpyxl (pip) and LibreOffice (`soffice`). Figures are invented.
"""
import csv
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import openpyxl

UNITS = ["504", "20998", "SNV"]          # a district, a commune, a department
CATEGORY = "DOANH_NGHIEP"                # a template for a whole category, unit typed in
YEAR = 2017


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def soffice(src, outdir, target):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
             "--outdir", outdir, src])
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def codes_of(ws):
    """Field code → (row, column) for the codes a template sheet carries."""
    found = {}
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.islower() and "_" in c.value and c.row >= 7:
                found[c.value] = (c.row, c.column)
    return found


LOCK_PROBLEMS = []


def fill(path, rng, unit_typed=None):
    """Types the figures; returns {sheet: {row: {field: value}}} of the CHI_TIEU rows."""
    wb = openpyxl.load_workbook(path)
    typed = {}
    first = True
    for ws in wb.worksheets:
        if ws.title == "Hướng dẫn":
            continue
        if unit_typed:
            ws["B2"], ws["B3"] = unit_typed
        if first:                        # the year, once
            ws["B4"] = YEAR
            first = False
        codes = codes_of(ws)
        if "ten_dia_ban" in codes:       # rows form: the areas the template lists, or three villages
            row0, col = codes["ten_dia_ban"][0] + 1, {k: c for k, (_, c) in codes.items()}
            rows = {}
            r = row0
            while ws.cell(r, col["ten_dia_ban"]).value or r < row0 + 3:
                listed = ws.cell(r, col["ten_dia_ban"])
                # The registry's areas are locked; the figures beside them are not.
                if listed.value and not listed.protection.locked:
                    LOCK_PROBLEMS.append(f"{os.path.basename(path)} {ws.title}!{listed.coordinate}: area not locked")
                if "tong_so_ho" in col and ws.cell(r, col["tong_so_ho"]).protection.locked:
                    LOCK_PROBLEMS.append(f"{os.path.basename(path)} {ws.title}: figure cell of row {r} locked")
                if not listed.value:
                    ws.cell(r, col["ten_dia_ban"]).value = f"Thôn {r - row0 + 1}"
                # Plausible figures: a rate under a third, a year's exits a few points of it
                # (more would be an outlier against the area's minimum reduction).
                h = rng.randint(300, 3000)
                d = rng.randint(max(1, h // 50), h // 3)
                t, re_, p = rng.randint(0, min(d // 3, h * 3 // 100)), rng.randint(0, 3), rng.randint(0, 5)
                e = d - t + re_ + p
                values = {"tong_so_ho": h, "ho_ngheo_dau_nam": d, "ho_thoat_ngheo": t, "ho_tai_ngheo": re_,
                          "ho_ngheo_phat_sinh": p, "ho_ngheo_cuoi_nam": e, "ty_le_ngheo_cuoi_nam": round(100 * e / h, 2),
                          "ho_can_ngheo_cuoi_nam": rng.randint(10, 200), "chi_tieu_giam_duoc_giao": 1.5}
                for k, v in values.items():
                    if k in col:
                        ws.cell(r, col[k]).value = v
                rows[r] = values
                r += 1
            typed[ws.title] = rows
        elif "ma_tieu_chi" in codes:     # self-assessment: two criteria met, with evidence
            r = codes["ma_tieu_chi"][0] + 1
            for i, code in enumerate(["b1", "b3"]):
                ws.cell(r + i, codes["ma_tieu_chi"][1]).value = code
                ws.cell(r + i, codes["ket_qua"][1]).value = "Đạt"
                ws.cell(r + i, codes["minh_chung"][1]).value = f"Báo cáo số {10 + i}/BC-UBND ngày 05/12/{YEAR}"
        elif "ten" in codes:             # nominations: a household out of poverty four years
            r = codes["ten"][0] + 1
            for k, v in [("ten", "Hộ ông Nguyễn Văn A"), ("loai", "Hộ gia đình"), ("dia_chi", "Thôn 1"),
                         ("thanh_tich", "Thoát nghèo bền vững"), ("so_nam_thoat_ngheo", 4),
                         ("hinh_thuc_de_nghi", "Giấy khen")]:
                if k in codes:
                    ws.cell(r, codes[k][1]).value = v
        elif "nam_bao_cao" in codes:     # the unit's figures: a report date
            ws.cell(codes["ngay_bao_cao"][0], 2).value = dt.datetime(YEAR, 12, 10)
    wb.save(path)
    return typed


def strip_names(path):
    """The sheets copied into a new workbook: values only, no defined names."""
    src = openpyxl.load_workbook(path)
    out = openpyxl.Workbook()
    out.remove(out.active)
    for ws in src.worksheets:
        copy = out.create_sheet(ws.title)
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    copy.cell(c.row, c.column).value = c.value
    out.save(path)


def review(thidua, inbox):
    out = tempfile.mkdtemp(prefix="tpl-out-")
    run([thidua, "convert-and-validate", inbox, "--out", out])
    report = json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
    rows = {}
    path = os.path.join(out, "csv", "CHI_TIEU.csv")
    if os.path.exists(path):
        for r in csv.DictReader(open(path, encoding="utf-8")):
            rows[(r["tep_nguon"], int("".join(ch for ch in r["o_nguon"].split(":")[0] if ch.isdigit())))] = r
    shutil.rmtree(out)
    return report, rows


def check(label, thidua, inbox, expected, typed):
    """expected: file → unit; typed: file → {row: values}. Returns the problems."""
    report, rows = review(thidua, inbox)
    problems = []
    if report["year"] != YEAR:
        problems.append(f"review year {report['year']}")
    files = {f["name"]: f for f in report["files"]}
    for name, unit in expected.items():
        f = files.get(name)
        if not f or f["fate"] != "used" or f.get("unit") != unit:
            problems.append(f"{name}: {f and f['fate']} {f and f.get('unit')}, expected used {unit}")
    cells = 0
    for name, by_row in typed.items():
        for r, values in by_row.items():
            got = rows.get((name, r))
            if got is None:
                problems.append(f"{name} row {r}: not in CHI_TIEU.csv")
                continue
            for k, v in values.items():
                cells += 1
                if k in got and abs(float(got[k] or "nan") - v) > 1e-9:
                    problems.append(f"{name} row {r} {k}: {got[k]} ≠ {v}")
    for f in report["findings"]:
        if f.get("file") in expected:
            problems.append(f"finding {f['code']} {f.get('file')}!{f.get('sheet')}!{f.get('cell')}")
    print(f"{label}: {len(expected)} files, {cells} typed figures, {len(problems)} problems")
    return problems, report


def main():
    thidua = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/thidua")
    work = tempfile.mkdtemp(prefix="tpl-")
    rng = random.Random(2017)
    made = os.path.join(work, "made")
    for unit in UNITS:
        run([thidua, "templates", "--unit", unit, "--out", made])
    run([thidua, "templates", "--category", CATEGORY, "--out", made])
    # Filled with openpyxl, then saved by LibreOffice.
    filled = os.path.join(work, "filled")
    os.makedirs(filled)
    expected, typed = {}, {}
    for name in sorted(os.listdir(made)):
        src = os.path.join(made, name)
        unit = name[4:-5]
        typed_unit = ("Công ty TNHH Thử Nghiệm", "B0001") if unit == CATEGORY else None
        chi_tieu = fill(src, rng, typed_unit)
        soffice(src, filled, "xlsx:Calc MS Excel 2007 XML")
        expected[name] = unit
        for sheet_rows in chi_tieu.values():
            typed[name] = sheet_rows
    # The enterprise is not in the registry: give the run a registry that has it.
    movement = os.path.join(work, "movement")
    shutil.copytree(os.path.join(os.path.dirname(__file__), "..", "Sources", "ThiDuaCore", "Resources",
                                 "ke-hoach-5201"), movement)
    with open(os.path.join(movement, "units.csv"), "a", encoding="utf-8") as f:
        f.write("B0001,Công ty TNHH Thử Nghiệm,,DOANH_NGHIEP,49,,,,x\n")
    expected[f"mau-{CATEGORY}.xlsx"] = "B0001"

    problems = list(LOCK_PROBLEMS)
    # thidua with that registry, as one command.
    shim = os.path.join(work, "thidua")
    with open(shim, "w") as f:
        f.write(f"#!/bin/sh\nexec '{thidua}' \"$@\" --movement '{movement}'\n")
    os.chmod(shim, 0o755)

    p, _ = check("filled, saved by LibreOffice", shim, filled, expected, typed)
    problems += p
    # Defined names lost: the sheets copied into new workbooks.
    bare = os.path.join(work, "bare")
    shutil.copytree(filled, bare)
    for name in os.listdir(bare):
        strip_names(os.path.join(bare, name))
    p, _ = check("sheets copied, defined names lost", shim, bare, expected, typed)
    problems += p
    # As .xls and .ods, saved by LibreOffice from the filled workbooks.
    for ext, target in [("xls", "xls:MS Excel 97"), ("ods", "ods")]:
        folder = os.path.join(work, ext)
        os.makedirs(folder)
        for name in sorted(os.listdir(filled)):
            soffice(os.path.join(filled, name), folder, target)
        renamed = {n[:-4] + ext: u for n, u in expected.items()}
        p, _ = check(f"saved as .{ext}", shim, folder, renamed, {n[:-4] + ext: t for n, t in typed.items()})
        problems += p
    # One CSV per sheet (as a clerk exports each sheet), the instructions left out; each
    # CSV stands alone, so each carries the year.
    folder = os.path.join(work, "csv")
    os.makedirs(folder)
    csv_expected, csv_typed = {}, {}
    for name in sorted(os.listdir(filled)):
        wb = openpyxl.load_workbook(os.path.join(filled, name), data_only=True)
        for ws in wb.worksheets:
            if ws.title == "Hướng dẫn":
                continue
            if ws["A4"].value == "Năm báo cáo:":
                ws["B4"] = YEAR
            out = f"{name[:-5]} - {ws.title}.csv"
            with open(os.path.join(folder, out), "w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f)
                for row in ws.iter_rows(values_only=True):
                    w.writerow(["" if v is None else (v.strftime("%d/%m/%Y") if isinstance(v, dt.datetime) else v)
                                for v in row])
            csv_expected[out] = expected[name]
            if ws.title == "Chỉ tiêu giảm nghèo":
                csv_typed[out] = typed[name]
    p, _ = check("one CSV per sheet", shim, folder, csv_expected, csv_typed)
    problems += p
    # Planted errors in a copy: each found at its cell.
    planted = os.path.join(work, "planted")
    os.makedirs(planted)
    src = os.path.join(filled, "mau-504.xlsx")
    wb = openpyxl.load_workbook(src)
    ws = wb["Chỉ tiêu giảm nghèo"]
    codes = codes_of(ws)
    r = codes["ten_dia_ban"][0] + 1
    ws.cell(r, codes["ho_ngheo_cuoi_nam"][1]).value = ws.cell(r, codes["ho_ngheo_cuoi_nam"][1]).value + 5
    ws["B4"] = None
    ws["B3"] = "999"
    wb.save(os.path.join(planted, "mau-504.xlsx"))
    report, _ = review(shim, planted)
    found = {(f["code"], f.get("sheet"), f.get("cell")) for f in report["findings"]}
    col = openpyxl.utils.get_column_letter(codes["ho_ngheo_cuoi_nam"][1])
    for want in [("balance-mismatch", "Chỉ tiêu giảm nghèo", f"{col}{r}"),
                 ("template-unit-changed", "Chỉ tiêu giảm nghèo", "B3"),
                 ("template-year-missing", "Chỉ tiêu giảm nghèo", "B4")]:
        if want not in found:
            problems.append(f"planted {want} not found; found {sorted(found)}")
    print(f"planted errors: {3 - sum(1 for p in problems if p.startswith('planted'))}/3 found at their cells")
    for p in problems:
        print("PROBLEM " + p)
    shutil.rmtree(work)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
