#!/usr/bin/env python3
"""Writes the household-list benchmark inbox: FILES lists (half .xlsx by XlsxWriter in
constant-memory mode, half UTF-8 CSV) of ROWS households each, one per commune of the
shipped registry, for 2017, classified as QĐ 59/2015 decides. Households invented.

    make_households.py FOLDER [--files 200] [--rows 5000]
"""
import argparse
import csv
import os
import random

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
UNITS = os.path.join(HERE, "..", "..", "Sources", "ThiDuaCore", "Resources", "ke-hoach-5201", "units.csv")
INDICATORS = ["Tiếp cận các dịch vụ y tế", "Bảo hiểm y tế", "Trình độ giáo dục của người lớn",
              "Tình trạng đi học của trẻ em", "Chất lượng nhà ở", "Diện tích nhà ở bình quân đầu người",
              "Nguồn nước sinh hoạt", "Hố xí/nhà tiêu hợp vệ sinh", "Sử dụng dịch vụ viễn thông",
              "Tài sản phục vụ tiếp cận thông tin"]
HEADER = ["STT", "Mã hộ", "Họ và tên chủ hộ", "Thôn", "Số nhân khẩu", "Thu nhập bình quân đầu người/tháng (đồng)"] \
    + INDICATORS + ["Kết quả phân loại"]


def communes():
    with open(UNITS, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [(r[0], r[1]) for r in rows[1:] if len(r) > 3 and r[3] == "XA"]


def households(code, name, count, rng):
    urban = name.startswith(("Phường", "Thị trấn"))
    poor, near = (900_000, 1_300_000) if urban else (700_000, 1_000_000)
    for k in range(count):
        income = rng.randrange(200_000, 2 * near, 10_000)
        marks = [rng.random() < 0.2 for _ in INDICATORS]
        if income <= poor or (income <= near and sum(marks) >= 3):
            klass = "Nghèo"
        elif income <= near:
            klass = "Cận nghèo"
        else:
            klass = "Không nghèo"
        yield [k + 1, f"{code}-{k + 1:06}", f"Hộ số {k + 1}", f"Thôn {k % 12 + 1}", rng.randint(1, 9), income] \
            + ["x" if m else "" for m in marks] + [klass]


def title(name):
    return ["UBND " + name.upper()], ["DANH SÁCH HỘ QUA RÀ SOÁT NĂM 2017"], ["(Số liệu minh hoạ, không phải số liệu chính thức)"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--rows", type=int, default=5000)
    args = ap.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    units = communes()[: args.files]
    if len(units) < args.files:
        raise SystemExit(f"the registry has {len(units)} communes, fewer than {args.files}")
    for n, (code, name) in enumerate(units):
        rng = random.Random(int(code))
        rows = households(code, name, args.rows, rng)
        if n % 2 == 0:
            book = xlsxwriter.Workbook(os.path.join(args.folder, f"{code}-ds-ho-2017.xlsx"), {"constant_memory": True})
            sheet = book.add_worksheet("Danh sách hộ")
            r = 0
            for line in list(title(name)) + [HEADER] + list(rows):
                sheet.write_row(r, 0, line)
                r += 1
            book.close()
        else:
            with open(os.path.join(args.folder, f"{code}-ds-ho-2017.csv"), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                for line in list(title(name)) + [HEADER]:
                    w.writerow(line)
                w.writerows(rows)


if __name__ == "__main__":
    main()
