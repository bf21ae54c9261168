"""Writes the deterministic 200,000 × 10 UTF-8 CSV for the CSV benchmark: Vietnamese text
(some of it quoted, with commas), integers, decimals, percentages as fractions, dates."""
import csv
import datetime as dt
import random
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from make_workbook import COMMUNES, FAMILY, GIVEN, KINDS  # noqa: E402


def write(path, rows=200_000):
    rng = random.Random(5201)
    base = dt.date(2016, 1, 1)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Xã", "Họ tên chủ hộ", "Phân loại", "Số nhân khẩu", "Thu nhập bình quân", "Tỷ lệ",
                    "Ngày rà soát", "Mã hộ", "Ghi chú", "Số tiền hỗ trợ"])
        for r in range(1, rows + 1):
            w.writerow([
                "Xã " + rng.choice(COMMUNES),
                f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {r % 997}",
                rng.choice(KINDS),
                rng.randint(1, 9),
                f"{rng.uniform(300, 1500):.3f}",
                f"{rng.random():.4f}",
                (base + dt.timedelta(days=rng.randint(0, 1826))).strftime("%d/%m/%Y"),
                49_000_000 + r,
                rng.choice(["Đã xác minh", "Cần bổ sung hồ sơ, giấy tờ", "Hộ có người khuyết tật", "-"]),
                rng.randint(0, 50) * 100_000,
            ])


if __name__ == "__main__":
    write(sys.argv[1])
