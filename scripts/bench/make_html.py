"""Writes the 200,000 × 10 benchmark rows as an HTML-table "Excel" file, the way web
report software and Excel's "Save as Web Page" write one: a single <table>, style
classes with mso-number-format, figures shown the Vietnamese way with the value in
x:num, dates shown dd/mm/yyyy. The rows are make_workbook.py's, drawn from the same seed.

    make_html.py OUT.xls"""
import datetime as dt
import random
import sys

from make_workbook import COMMUNES, FAMILY, GIVEN, KINDS

HEAD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<style>
<!--table {mso-displayed-decimal-separator:"\\,"; mso-displayed-thousand-separator:"\\.";}
td {font-family:"Times New Roman", serif; mso-number-format:General;}
.xl65 {mso-number-format:"\\#\\,\\#\\#0";}
.xl66 {mso-number-format:"\\#\\,\\#\\#0\\.00";}
.xl67 {mso-number-format:"0\\.00%";}
.xl68 {mso-number-format:"dd\\/mm\\/yyyy";}
-->
</style>
</head>
<body>
<table border=0 cellpadding=0 cellspacing=0>
"""


def vietnamese(value, decimals):
    """1234567.5 → 1.234.567,50: the text a Vietnamese Excel shows."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def write(path, rows=200_000):
    rng = random.Random(5201)
    base = dt.date(2016, 1, 1)
    headers = ["Xã", "Họ tên chủ hộ", "Phân loại", "Số nhân khẩu", "Thu nhập bình quân", "Tỷ lệ", "Ngày rà soát",
               "Mã hộ", "Ghi chú", "Số tiền hỗ trợ"]
    with open(path, "w", encoding="utf-8", newline="\r\n") as out:
        out.write(HEAD)
        out.write(" <tr>" + "".join(f"<td>{h}</td>" for h in headers) + "</tr>\n")
        for n in range(1, rows + 1):
            commune = "Xã " + rng.choice(COMMUNES)
            name = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {n % 997}"
            kind = rng.choice(KINDS)
            members = rng.randint(1, 9)
            income = round(rng.uniform(300, 1500), 3)
            share = round(rng.random(), 4)
            day = base + dt.timedelta(days=rng.randint(0, 1826))
            note = rng.choice(["", "Đã xác minh", "Cần bổ sung hồ sơ", "Hộ có người khuyết tật"]) or "-"
            money = rng.randint(0, 50) * 100_000
            out.write(
                f" <tr><td>{commune}</td><td>{name}</td><td>{kind}</td>"
                f"<td class=xl65 x:num>{members}</td>"
                f"<td class=xl66 x:num=\"{income}\">{vietnamese(income, 2)}</td>"
                f"<td class=xl67 x:num=\"{share}\">{vietnamese(share * 100, 2)}%</td>"
                f"<td class=xl68>{day:%d/%m/%Y}</td>"
                f"<td class=xl65 x:num>{49_000_000 + n}</td><td>{note}</td>"
                f"<td class=xl65 x:num=\"{money}\">{vietnamese(money, 0)}</td></tr>\n")
        out.write("</table>\n</body>\n</html>\n")


if __name__ == "__main__":
    write(sys.argv[1])
