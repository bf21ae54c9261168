import Foundation
import SheetIO
import Testing

@testable import ThiDuaCore

/// `movement diff`: a copy of the shipped definition with one edit of each kind reports
/// exactly those edits, each where a reader finds it: a criterion by id, a field by
/// code, a unit by code; a criterion inserted does not shift the ones after it.
@Suite struct MovementDiffTests {
  @Test func eachEditIsOneLineKeyedByItsName() throws {
    let shipped = try MovementDefinition.shippedFolder()
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-diff-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: shipped, toPath: copy)
    defer { try? FileManager.default.removeItem(atPath: copy) }
    #expect(MovementDiff.differences(shipped, copy).isEmpty)

    try MovementCheckTests.edit(copy, "criteria.json", #""HUYEN": 100"#, #""HUYEN": 120"#)
    try MovementCheckTests.edit(
      copy, "criteria.json", #""criteria": ["#,
      #""criteria": [{"id": "a0", "category": "SO_NGANH", "clause": "III.2.a", "text": "Mới", "decided": "self_assessed", "mandatory": false, "points": 0}, "#
    )
    try MovementCheckTests.edit(copy, "forms/THONG_TIN.json", #""title": "Năm báo cáo""#, #""title": "Năm""#)
    try MovementCheckTests.edit(copy, "units.csv", "502,Thành phố Tam Kỳ,", "502,TP Tam Kỳ,")
    try FileManager.default.removeItem(atPath: copy + "/awards.json")

    let lines = MovementDiff.differences(shipped, copy).map { $0.message(.en) }
    #expect(
      lines == [
        "criteria.json: added criteria[a0]",
        "criteria.json: maxPoints.HUYEN: 100 → 120",
        "awards.json: removed the whole file",
        "forms/THONG_TIN.json: fields[nam_bao_cao].title: \"Năm báo cáo\" → \"Năm\"",
        "units.csv: 502.name: \"Thành phố Tam Kỳ\" → \"TP Tam Kỳ\"",
      ])
    #expect(
      MovementDiff.differences(copy, shipped).map { $0.message(.vi) }.prefix(2) == [
        "criteria.json: bỏ criteria[a0]", "criteria.json: maxPoints.HUYEN: 120 → 100",
      ])
  }
}
