import Foundation
import TestSupport
import Testing

@testable import ThiDuaCore

/// A Board's copy of the registry, saved by Excel on Vietnamese Windows, reads as the
/// shipped one (issue: a Windows-1258 registry left most files unidentified).
@Suite struct UnitRegistryEncodingTests {
  static func folder(withRegistry registry: Data) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-reg-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: try MovementDefinition.shippedFolder(), toPath: folder)
    try registry.write(to: URL(fileURLWithPath: folder + "/units.csv"))
    return folder
  }

  @Test(arguments: ["movements/units-cp1258.csv", "movements/units-utf8-bom.csv"])
  func aCopySavedByExcelReadsAsTheShippedOne(relative: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath(relative)))
    let folder = try Self.folder(withRegistry: data)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(MovementCheck.problems(folder: folder).isEmpty)
    let shipped = try MovementDefinition.shipped().registry.units
    let copy = try MovementDefinition(folder: folder).registry.units
    #expect(copy.count == 290)
    #expect(copy == shipped)
    #expect(copy.first { $0.code == "SVHTTDL" }?.name == "Sở Văn hóa, Thể thao và Du lịch")
  }

  @Test func codesStayTextWithTheirLeadingZeros() throws {
    let csv =
      "code;name;category;parent\r\n01;Thành phố Hà Nội;TINH;\r\n001;Quận Ba Đình;HUYEN;01\r\n"
      + "1.348;Xã Một;XA;001\r\n"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("units-\(UUID().uuidString).csv").path
    try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let units = try UnitRegistry(csvPath: path).units
    #expect(units.map(\.code) == ["01", "001", "1.348"])
    #expect(units.map(\.parent) == [nil, "01", "001"])
    #expect(units[1].name == "Quận Ba Đình")
  }
}
