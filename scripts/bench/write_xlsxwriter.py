"""The benchmark sheet written by Python XlsxWriter in constant_memory mode (the peer).
Usage: write_xlsxwriter.py OUT ROWS"""
import sys

import xlsxwriter

COMMUNES = ["Xã Tam Thanh", "Xã Tam Phú", "Xã Tam Thăng", "Xã Hòa Hương", "Xã Tân Thạnh", "Xã Trường Xuân",
            "Xã Điện Bàn", "Xã Duy Xuyên", "Xã Đại Lộc", "Xã Quế Sơn", "Xã Thăng Bình", "Xã Hiệp Đức",
            "Xã Tiên Phước", "Xã Phước Sơn", "Xã Nam Giang", "Xã Đông Giang", "Xã Tây Giang", "Xã Bắc Trà My",
            "Xã Nam Trà My", "Xã Nông Sơn", "Xã Phú Ninh", "Xã Núi Thành", "Xã Hội An", "Xã Tam Kỳ"]
KINDS = ["Hộ nghèo", "Hộ cận nghèo", "Hộ mới thoát nghèo", "Hộ tái nghèo", "Hộ nghèo phát sinh"]
NOTES = ["Đã xác minh", "Cần bổ sung hồ sơ", "Hộ có người khuyết tật", "-"]

out, rows = sys.argv[1], int(sys.argv[2])
wb = xlsxwriter.Workbook(out, {"constant_memory": True})
ws = wb.add_worksheet("Dữ liệu")
base = {"font_name": "Times New Roman", "font_size": 12}
pct = wb.add_format({**base, "num_format": "0.00%"})
date = wb.add_format({**base, "num_format": "dd/mm/yyyy"})
for r in range(rows):
    ws.write_string(r, 0, COMMUNES[r % 24])
    ws.write_string(r, 1, f"Hộ số {r}")
    ws.write_string(r, 2, KINDS[r % 5])
    ws.write_number(r, 3, r % 9 + 1)
    ws.write_number(r, 4, (r * 37 % 120000) / 100)
    ws.write_number(r, 5, (r % 10000) / 10000, pct)
    ws.write_number(r, 6, 42370 + r % 1827, date)
    ws.write_number(r, 7, 49000000 + r)
    ws.write_string(r, 8, NOTES[r % 4])
    ws.write_number(r, 9, r % 51 * 100000)
wb.close()
