import Testing

@testable import SheetIO

@Suite struct DateFormatTests {
  @Test func builtInDateIDs() {
    let dates = Set((14...22).map { $0 } + (45...47).map { $0 } + (27...36).map { $0 } + (50...58).map { $0 })
    for id in 0...163 { #expect(DateFormat.isBuiltInDate(id) == dates.contains(id), "id \(id)") }
  }

  @Test(arguments: [
    "dd/mm/yyyy", "d/m/yy", "[$-42A]dd/mm/yyyy", "[Red]yyyy-mm-dd", "h:mm", "[h]:mm:ss", "mm:ss.0",
    "d \"tháng\" m \"năm\" yyyy", "dddd, dd mmmm yyyy", "yyyy\"年\"m\"月\"d\"日\"",
    "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy",
    "ge.m.d", "hh:mm AM/PM", "[mm]:ss",
  ])
  func dateCodes(_ code: String) { #expect(DateFormat.isDateCode(code)) }

  @Test(arguments: [
    "General", "0", "0.00", "#,##0", "0.00%", "#,##0 \"đ\"", "\"Ngày \"0", "\\d\\m\\y 0", "0.00E+00",
    "#,##0.00_);[Red](#,##0.00)", "@", "[Red]0.00", "[$VND] #,##0", "_-* #,##0_-;-* #,##0_-;_-* \"-\"_-;_-@_-",
    "0;[Red]dd/mm/yyyy",
  ])
  func numberCodes(_ code: String) { #expect(!DateFormat.isDateCode(code)) }
}
