"""Writes the deterministic 200,000 × 10 benchmark workbook with XlsxWriter: Vietnamese
text in shared strings, integers, decimals, percentages and dates.

    make_workbook.py OUT.xlsx [SHEETS]
With SHEETS > 1 the same 200,000 rows are spread over that many sheets, each with the
header row: the form LibreOffice can save as .xls (at most 65,536 rows a sheet)."""
import datetime as dt
import random
import sys

import xlsxwriter

COMMUNES = ["Tam Thanh", "Tam Phú", "Tam Thăng", "Hòa Hương", "Tân Thạnh", "Trường Xuân", "Điện Bàn", "Duy Xuyên",
            "Đại Lộc", "Quế Sơn", "Thăng Bình", "Hiệp Đức", "Tiên Phước", "Phước Sơn", "Nam Giang", "Đông Giang",
            "Tây Giang", "Bắc Trà My", "Nam Trà My", "Nông Sơn", "Phú Ninh", "Núi Thành", "Hội An", "Tam Kỳ"]
KINDS = ["Hộ nghèo", "Hộ cận nghèo", "Hộ mới thoát nghèo", "Hộ tái nghèo", "Hộ nghèo phát sinh"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi"]
GIVEN = ["Văn Hùng", "Thị Lan", "Văn Đức", "Thị Hoa", "Minh Tuấn", "Thị Thủy", "Văn Bình", "Thị Ánh", "Quốc Việt", "Thị Hằng"]


def write(path, rows=200_000, sheets=1):
    rng = random.Random(5201)
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": dt.datetime(2017, 9, 27)})
    pct = wb.add_format({"num_format": "0.00%"})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    money = wb.add_format({"num_format": "#,##0.00"})
    headers = ["Xã", "Họ tên chủ hộ", "Phân loại", "Số nhân khẩu", "Thu nhập bình quân", "Tỷ lệ", "Ngày rà soát",
               "Mã hộ", "Ghi chú", "Số tiền hỗ trợ"]
    per_sheet = -(-rows // sheets)
    base = dt.date(2016, 1, 1)
    for n in range(1, rows + 1):
        if (n - 1) % per_sheet == 0:
            ws = wb.add_worksheet("Dữ liệu" if sheets == 1 else f"Dữ liệu {(n - 1) // per_sheet + 1}")
            ws.write_row(0, 0, headers)
        # Row numbers within the sheet; the values depend on n alone, whatever the split.
        r = (n - 1) % per_sheet + 1
        ws.write_string(r, 0, "Xã " + rng.choice(COMMUNES))
        ws.write_string(r, 1, f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {n % 997}")
        ws.write_string(r, 2, rng.choice(KINDS))
        ws.write_number(r, 3, rng.randint(1, 9))
        ws.write_number(r, 4, round(rng.uniform(300, 1500), 3), money)
        ws.write_number(r, 5, round(rng.random(), 4), pct)
        ws.write_datetime(r, 6, base + dt.timedelta(days=rng.randint(0, 1826)), date)
        ws.write_number(r, 7, 49_000_000 + n)
        ws.write_string(r, 8, rng.choice(["", "Đã xác minh", "Cần bổ sung hồ sơ", "Hộ có người khuyết tật"]) or "-")
        ws.write_number(r, 9, rng.randint(0, 50) * 100_000.0)
    wb.close()


if __name__ == "__main__":
    write(sys.argv[1], sheets=int(sys.argv[2]) if len(sys.argv) > 2 else 1)
