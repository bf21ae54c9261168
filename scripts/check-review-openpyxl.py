#!/usr/bin/env python3
"""Opens the outputs of `thidua convert-and-validate` on the sample inbox with readers
that are not thidua's: openpyxl for the workbooks, Python's csv and json modules for
the rest, and checks what the reviewers and units will see.

    python3 scripts/check-review-openpyxl.py PATH/TO/thidua
"""
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHEETS_VI = ["Tổng hợp", "Biểu đồ nộp báo cáo", "Mục tiêu kế hoạch", "Biểu đồ giảm nghèo", "Xếp hạng huyện",
             "Xếp hạng sở ngành", "Xếp hạng xã", "Tiêu chí thi đua", "Đề xuất khen thưởng", "Căn cứ đề xuất",
             "Phát hiện", "Chưa nộp", "Tệp đã nhận"]
SHEETS_EN = ["Summary", "Chart of submissions", "Plan targets", "Chart of poverty reduction", "Ranking districts",
             "Ranking departments", "Ranking communes", "Criteria", "Award proposals", "Proposal details", "Findings",
             "Not submitted", "Files received"]


def check(condition, what, failures):
    if not condition:
        failures.append(what)


def rows(ws, first=5):
    return [r for r in ws.iter_rows(min_row=first, values_only=True) if any(v is not None for v in r)]


def main(binary):
    failures = []
    for lang, sheets, name in (("vi", SHEETS_VI, "tham-dinh-nam-2017.xlsx"), ("en", SHEETS_EN, "review-annual-2017.xlsx")):
        out = tempfile.mkdtemp(prefix="thidua-review-")
        subprocess.run([binary, "convert-and-validate", os.path.join(ROOT, "fixtures", "inbox"), "--out", out,
                        "--lang", lang], check=True, stdout=subprocess.DEVNULL)
        wb = openpyxl.load_workbook(os.path.join(out, name))
        check(wb.sheetnames == sheets, f"{lang}: sheets {wb.sheetnames}", failures)
        check(len(wb.chartsheets) == 2, f"{lang}: {len(wb.chartsheets)} chart sheets", failures)
        for ws in wb.worksheets:
            check(ws.freeze_panes == "A5", f"{lang}: {ws.title} frozen at {ws.freeze_panes}", failures)
            check(ws.page_setup.paperSize == 9, f"{lang}: {ws.title} not A4", failures)
            check(ws["A1"].font.name == "Times New Roman", f"{lang}: {ws.title} font {ws['A1'].font.name}", failures)
        if lang != "vi":
            continue
        summary = rows(wb["Tổng hợp"])
        total = [r for r in summary if r[0] == "Tổng cộng"][0]
        check(list(total[1:6]) == [51, 30, 29, 1, 21], f"summary totals {total}", failures)
        # Each chart on its own chart sheet, none on a worksheet.
        check(all(len(cs._charts) == 1 for cs in wb.chartsheets), "charts", failures)
        check(not any(ws._charts for ws in wb.worksheets), "a chart on a worksheet", failures)
        ranking = rows(wb["Xếp hạng huyện"])
        check([(r[0], r[2]) for r in ranking[:3]] == [(1, "516"), (2, "519"), (3, "503")], f"top districts {ranking[:3]}",
              failures)
        departments = rows(wb["Xếp hạng sở ngành"])
        check([r[0] for r in departments] == [1, 1, 3, 3, 3, 6], f"department ranks {[r[0] for r in departments]}",
              failures)
        proposals = wb["Đề xuất khen thưởng"]
        decisions = proposals.data_validations.dataValidation
        check(any('"Đồng ý,Không đồng ý,Cần bổ sung"' == d.formula1 for d in decisions), "decision drop-down", failures)
        province = [r for r in rows(proposals) if r[7] == "Bằng khen của Chủ tịch UBND tỉnh" and r[6] == "Có"]
        check(sorted(r[1] for r in province) == ["Công ty TNHH minh hoạ Tam Kỳ", "Huyện Nam Trà My", "Huyện Nông Sơn",
                                                "Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ", "Thành phố Hội An",
                                                "Ông Trần Văn Cường"],
              f"province awards {[r[1] for r in province]}", failures)
        findings = {(r[8], r[4], r[6]) for r in rows(wb["Phát hiện"])}
        check(not any(f[1] == "506-bao-cao-thi-dua-2017-lan-1.xlsx" for f in findings), "superseded findings", failures)
        for expected in (("total-mismatch", "512-bao-cao-thi-dua-2017.xlsx", "C18"),
                         ("late-submission", "515-bao-cao-thi-dua-2017.xlsx", "C5"),
                         ("evidence-missing", "507-bao-cao-thi-dua-2017.xlsx", "D6")):
            check(expected in findings, f"finding {expected}", failures)
        missing = [r[1] for r in rows(wb["Chưa nộp"])]
        # Departments and districts report to the Board themselves; communes through their districts.
        check(missing == ["STP", "SKHDT", "SCT", "SNNPTNT", "SGTVT", "SXD", "STNMT", "STTTT", "SVHTTDL", "SKHCN", "SGDDT",
                          "SYT", "SNGV", "TTT", "VPUBND", "VPDBQH", "NHCSXH", "TDOAN", "HND", "HCCB", "LDLD"],
              f"missing {missing}", failures)
        files = rows(wb["Tệp đã nhận"])
        check(len(files) == 36 and all(len(r[12]) == 64 for r in files), "files and hashes", failures)
        # Each file's format as its content shows it: the sample inbox's CSVs and workbooks.
        check({r[2] for r in files} == {"Excel .xlsx", "CSV"}, f"formats {sorted({r[2] for r in files})}", failures)
        superseded = [r for r in files if r[1] == "506-bao-cao-thi-dua-2017-lan-1.xlsx"][0]
        check(superseded[3] == "Đã có bản mới hơn" and list(superseded[8:10]) == [4, 3], f"superseded {superseded}",
              failures)
        feedback = sorted(glob.glob(os.path.join(out, "phan-hoi", "*.xlsx")))
        check(len(feedback) == 30, f"{len(feedback)} feedback workbooks", failures)
        for path in feedback:
            fb = openpyxl.load_workbook(path)
            check(fb.sheetnames[:3] == ["Kết quả tiêu chí", "Cần sửa", "Tệp đã nhận"]
                  and fb.sheetnames[3:] in ([], ["Đề nghị của đơn vị"]), f"{path}: {fb.sheetnames}", failures)
        fixes = rows(openpyxl.load_workbook(os.path.join(out, "phan-hoi", "512-huyen-hiep-duc.xlsx"))["Cần sửa"])
        check(("Biểu 01", "C18") in {(r[3], r[4]) for r in fixes}, "512 feedback names cell C18", failures)
        todo = rows(openpyxl.load_workbook(os.path.join(out, "phan-hoi", "20941-xa-tra-tap.xlsx"))["Cần sửa"])
        # The self-assessment (c1, 20 points) and the unit information form (c2, c3, c5: 60).
        check([r[1] for r in todo] == ["Cần bổ sung"] * 2 and [r[7] for r in todo] == [20, 60],
              f"Trà Tập is told what to send: {todo}", failures)
        with open(os.path.join(out, "csv", "DE_NGHI.csv"), encoding="utf-8", newline="") as f:
            names = [r["ten"] for r in csv.DictReader(f)]
        check(names[2].startswith("'=HYPERLINK"), f"neutralised formula text: {names[2]}", failures)
        with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
            report = json.load(f)
        check(report["summary"]["unitsSubmitted"] == 30, "report.json units", failures)
    for f in failures:
        print("FAIL:", f)
    print(f"review outputs: {len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/thidua"))
