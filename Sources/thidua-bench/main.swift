import Foundation
import SheetIO

// Writes the benchmark sheet of scripts/bench/write: the same rows as write-c.c and
// write_xlsxwriter.py produce. Usage: thidua-bench OUT ROWS
let arguments = CommandLine.arguments
guard arguments.count == 3, let rows = Int(arguments[2]) else {
  FileHandle.standardError.write(Data("usage: thidua-bench OUT ROWS\n".utf8))
  exit(64)
}
let communes = [
  "Xã Tam Thanh", "Xã Tam Phú", "Xã Tam Thăng", "Xã Hòa Hương", "Xã Tân Thạnh", "Xã Trường Xuân", "Xã Điện Bàn",
  "Xã Duy Xuyên", "Xã Đại Lộc", "Xã Quế Sơn", "Xã Thăng Bình", "Xã Hiệp Đức", "Xã Tiên Phước", "Xã Phước Sơn",
  "Xã Nam Giang", "Xã Đông Giang", "Xã Tây Giang", "Xã Bắc Trà My", "Xã Nam Trà My", "Xã Nông Sơn", "Xã Phú Ninh",
  "Xã Núi Thành", "Xã Hội An", "Xã Tam Kỳ",
]
let kinds = ["Hộ nghèo", "Hộ cận nghèo", "Hộ mới thoát nghèo", "Hộ tái nghèo", "Hộ nghèo phát sinh"]
let notes = ["Đã xác minh", "Cần bổ sung hồ sơ", "Hộ có người khuyết tật", "-"]

do {
  let doc = try XLSXDocument(path: arguments[1], created: 1_506_470_400, constantMemory: true)
  let sheet = try doc.addSheet("Dữ liệu")
  let percent = CellStyle.plain.with { $0.numberFormat = "0.00%" }
  let date = CellStyle.plain.with { $0.numberFormat = "dd/mm/yyyy" }
  for r in 0..<rows {
    let row = r + 1
    try sheet.writeText(communes[r % communes.count], at: CellAddress(row: row, column: 1))
    try sheet.writeText("Hộ số \(r)", at: CellAddress(row: row, column: 2))
    try sheet.writeText(kinds[r % kinds.count], at: CellAddress(row: row, column: 3))
    try sheet.writeNumber(Double(r % 9 + 1), at: CellAddress(row: row, column: 4))
    try sheet.writeNumber(Double(r * 37 % 120_000) / 100, at: CellAddress(row: row, column: 5))
    try sheet.writeNumber(Double(r % 10_000) / 10_000, at: CellAddress(row: row, column: 6), style: percent)
    try sheet.writeNumber(Double(42_370 + r % 1_827), at: CellAddress(row: row, column: 7), style: date)
    try sheet.writeNumber(Double(49_000_000 + r), at: CellAddress(row: row, column: 8))
    try sheet.writeText(notes[r % notes.count], at: CellAddress(row: row, column: 9))
    try sheet.writeNumber(Double(r % 51 * 100_000), at: CellAddress(row: row, column: 10))
  }
  try doc.save()
} catch {
  FileHandle.standardError.write(Data("thidua-bench: \(error.message(.en))\n".utf8))
  exit(1)
}
