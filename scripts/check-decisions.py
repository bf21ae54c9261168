#!/usr/bin/env python3
"""Reviewers' copies read back: runs `thidua convert-and-validate` on the sample inbox,
makes three copies of the reviewers' workbook as three reviewers would return them, and
checks `thidua decisions` on them:

- an-thu.xlsx: decisions typed with openpyxl, the rows then sorted by score (lowest first);
- binh-lo.xlsx: decisions typed, rows sorted by name and filtered (hidden), the file
  resaved by LibreOffice;
- cuong-sua.xlsx: decisions typed in English and lower case, and two edits a reviewer may
  not make (a score and a proposed form), which must be reported, not applied.

The final list (danh-sach-khen-thuong.xlsx) must hold exactly the agreed proposals and
print on A4 portrait in LibreOffice's PDF on the expected number of pages. Then a copy of
another run's workbook (the 2018 inbox) must be refused with exit 7.

Then the three copies committed in fixtures/decisions/ (made the same way by
`--write-fixtures`) must reconcile against a fresh run of the sample inbox to exactly
the committed quyet-dinh.json: the golden output.

    scripts/check-decisions.py [THIDUA] [--write-fixtures]

Needs openpyxl and LibreOffice (`soffice`). Prints one line per problem; exits 1 on any.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHEET = "Đề xuất khen thưởng"
PAGES = 2  # the final list of the 24 agreed proposals, as LibreOffice prints it on A4


def rows(ws):
    """Data rows (from row 5) as lists of cells."""
    return [list(r) for r in ws.iter_rows(min_row=5) if r[10].value]


def decide(path, out, answers, sort=None, hide=(), edits=()):
    """Types `answers` (key → (decision, note)) into a copy; sorts, hides or edits rows."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    data = rows(ws)
    values = [[c.value for c in r] for r in data]
    if sort:
        values.sort(key=sort)
    for r, row in enumerate(values, start=5):
        for c, v in enumerate(row, start=1):
            ws.cell(r, c).value = v
            # Moved as the text it is: openpyxl would make "=HYPERLINK(…)" a formula.
            if isinstance(v, str) and v.startswith("="):
                ws.cell(r, c).data_type = "s"
        key = row[10]
        if key in answers:
            ws.cell(r, 9).value, ws.cell(r, 10).value = answers[key]
        if key in hide:
            ws.row_dimensions[r].hidden = True
        for edit_key, column, value in edits:
            if key == edit_key:
                ws.cell(r, column).value = value
    wb.save(out)


def main():
    arguments = [a for a in sys.argv[1:] if a != "--write-fixtures"]
    write_fixtures = "--write-fixtures" in sys.argv
    thidua = os.path.abspath(arguments[0] if arguments else ".build/debug/thidua")
    fixtures = os.path.join(ROOT, "fixtures", "decisions")
    work = tempfile.mkdtemp(prefix="decisions-")
    problems = []
    try:
        results = os.path.join(work, "out")
        subprocess.run([thidua, "convert-and-validate", os.path.join(ROOT, "fixtures", "inbox"), "--out", results],
                       check=True, stdout=subprocess.DEVNULL)
        book = os.path.join(results, "tham-dinh-nam-2017.xlsx")
        with open(os.path.join(results, "report.json"), encoding="utf-8") as f:
            report = json.load(f)
        keys = [x["key"] for x in report["recommendations"]]
        eligible = [x["key"] for x in report["recommendations"] if x["eligible"]]
        a, b, c = eligible[0], eligible[1], eligible[2]
        copies = os.path.join(work, "copies")
        os.makedirs(copies)
        # Everyone agrees on all but three: a disagreement on b, more evidence asked on c.
        base = {k: ("Đồng ý", None) for k in eligible}
        decide(book, os.path.join(copies, "an-thu.xlsx"), base, sort=lambda r: (r[4] or 0, r[10]))
        second = dict(base)
        second[b] = ("Không đồng ý", "Chưa đủ minh chứng quyết toán")
        hidden = [k for k in keys if k not in eligible][:3]
        staged = os.path.join(work, "staged")
        os.makedirs(staged)
        decide(book, os.path.join(staged, "binh-lo.xlsx"), second, sort=lambda r: (str(r[1]), r[10]), hide=hidden)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", copies, os.path.join(staged, "binh-lo.xlsx")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        third = {k: ("agree", None) for k in eligible}
        third[c] = ("cần bổ sung", "Gửi bản chụp quyết định")
        decide(book, os.path.join(copies, "cuong-sua.xlsx"), third,
               edits=[(a, 5, 99), (c, 8, "Bằng khen của Thủ tướng Chính phủ")])

        paths = [os.path.join(copies, n) for n in ("an-thu.xlsx", "binh-lo.xlsx", "cuong-sua.xlsx")]
        run = subprocess.run([thidua, "decisions", *paths, "--results", results, "--json"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f"decisions exited {run.returncode}: {run.stderr.strip()}")
        else:
            got = json.loads(run.stdout)
            status = {p["key"]: p["status"] for p in got["proposals"]}
            expected = {k: "agreed" for k in eligible}
            expected[b] = "disagreement"
            expected[c] = "needs-more"
            for k in keys:
                want = expected.get(k, "undecided")
                if status.get(k) != want:
                    problems.append(f"{k}: {status.get(k)} (expected {want})")
            said = {p["key"]: p["said"] for p in got["proposals"]}
            if [s["reviewer"] for s in said[b]] != ["an-thu", "binh-lo", "cuong-sua"]:
                problems.append(f"{b}: said by {said[b]}")
            note = [s.get("note") for s in said[b] if s["reviewer"] == "binh-lo"]
            if note != ["Chưa đủ minh chứng quyết toán"]:
                problems.append(f"{b}: note {note}")
            edits = sorted((e["reviewer"], e["key"], e["field"], e["now"]) for e in got["forbiddenEdits"])
            want_edits = sorted([("cuong-sua", a, "score", "99"),
                                 ("cuong-sua", c, "form", "Bằng khen của Thủ tướng Chính phủ")])
            if edits != want_edits:
                problems.append(f"forbidden edits {edits}, expected {want_edits}")
            if got["unknownRows"]:
                problems.append(f"unknown rows {got['unknownRows']}")
            # The final list: exactly the agreed proposals with a form, A4 portrait, its pages.
            listed = os.path.join(results, "quyet-dinh", "danh-sach-khen-thuong.xlsx")
            ws = openpyxl.load_workbook(listed).active
            names = [r[1] for r in ws.iter_rows(min_row=10, values_only=True) if isinstance(r[0], (int, float))]
            agreed = [p["name"] for p in got["proposals"] if p["status"] == "agreed" and p.get("form")]
            if sorted(names) != sorted(agreed):
                problems.append(f"final list {names}, agreed {agreed}")
            subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                            "pdf", "--outdir", work, listed], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            info = subprocess.run(["pdfinfo", os.path.join(work, "danh-sach-khen-thuong.pdf")], capture_output=True,
                                  text=True).stdout
            pages = int(info.split("Pages:")[1].split()[0])
            if "(A4)" not in info or "595" not in info.split("Page size:")[1].split("x")[0]:
                problems.append(f"final list not A4 portrait: {info}")
            if pages != PAGES:
                problems.append(f"final list prints on {pages} pages, expected {PAGES}")
            # What goes back for more evidence, and what the Council settles.
            returned = openpyxl.load_workbook(os.path.join(results, "quyet-dinh", "ho-so-can-bo-sung.xlsx"))
            def listed_rows(sheet):
                return [r[1:] for r in returned[sheet].iter_rows(min_row=10, values_only=True)
                        if isinstance(r[0], (int, float))]
            name = {p["key"]: p["name"] for p in got["proposals"]}
            more = listed_rows("Cần bổ sung")
            if [(r[0].split("\n")[0], r[2]) for r in more] != [(name[c], "cuong-sua: Gửi bản chụp quyết định")]:
                problems.append(f"returned for more evidence: {more}")
            split = listed_rows("Chưa thống nhất")
            want_split = "an-thu: Đồng ý\nbinh-lo: Không đồng ý — Chưa đủ minh chứng quyết toán\ncuong-sua: Đồng ý"
            if [(r[0].split("\n")[0], r[2]) for r in split] != [(name[b], want_split)]:
                problems.append(f"disagreements: {split}")
            # The run's report.json now records the decisions.
            with open(os.path.join(results, "report.json"), encoding="utf-8") as f:
                recorded = json.load(f)
            decided = {x["key"]: x.get("decision", {}).get("status") for x in recorded["recommendations"]}
            if decided != status or recorded.get("decisions", {}).get("reviewers") != got["reviewers"]:
                problems.append(f"report.json decisions {recorded.get('decisions')}")
            if write_fixtures:
                os.makedirs(fixtures, exist_ok=True)
                for path in paths:
                    shutil.copy(path, fixtures)
                shutil.copy(os.path.join(results, "quyet-dinh", "quyet-dinh.json"),
                            os.path.join(fixtures, "expected.quyet-dinh.json"))
            print(f"decisions: {len(got['proposals'])} proposals, {len(paths)} copies, "
                  f"{sum(v == 'agreed' for v in status.values())} agreed, {len(edits)} forbidden edits reported; "
                  f"final list {len(names)} entries on {pages} A4 pages")

        # The committed copies give the committed reconciliation.
        committed = sorted(os.path.join(fixtures, n) for n in os.listdir(fixtures) if n.endswith(".xlsx"))
        golden_out = os.path.join(work, "golden")
        fresh = os.path.join(work, "fresh")
        subprocess.run([thidua, "convert-and-validate", os.path.join(ROOT, "fixtures", "inbox"), "--out", fresh],
                       check=True, stdout=subprocess.DEVNULL)
        run = subprocess.run([thidua, "decisions", *committed, "--results", fresh, "--out", golden_out],
                             capture_output=True, text=True)
        with open(os.path.join(fixtures, "expected.quyet-dinh.json"), encoding="utf-8") as f:
            expected_json = json.load(f)
        if run.returncode != 0:
            problems.append(f"committed copies: exit {run.returncode}, {run.stderr.strip()}")
        else:
            with open(os.path.join(golden_out, "quyet-dinh.json"), encoding="utf-8") as f:
                if json.load(f) != expected_json:
                    problems.append("committed copies: quyet-dinh.json differs from fixtures/decisions/expected.quyet-dinh.json")

        # A copy of another run is refused.
        other = os.path.join(work, "other")
        subprocess.run([thidua, "convert-and-validate", os.path.join(ROOT, "fixtures", "inbox-2018"), "--out", other],
                       check=True, stdout=subprocess.DEVNULL)
        stranger = os.path.join(copies, "nguoi-khac.xlsx")
        shutil.copy(os.path.join(other, "tham-dinh-nam-2018.xlsx"), stranger)
        refused = subprocess.run([thidua, "decisions", paths[0], stranger, "--results", results],
                                 capture_output=True, text=True)
        if refused.returncode != 7 or "nguoi-khac.xlsx là bản của một lần chạy khác" not in refused.stderr:
            problems.append(f"another run's copy: exit {refused.returncode}, {refused.stderr.strip()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print("FAIL:", p)
    print(f"decisions check: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
