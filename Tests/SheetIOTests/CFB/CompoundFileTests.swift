import Foundation
import Testing

@testable import SheetIO

/// The compound-file reader on every container layout the fixtures hold, and each of
/// its limits enforced with a code of its own.
@Suite struct CompoundFileTests {
  @Test(arguments: [
    // (fixture, sector size, where the Workbook stream lives)
    ("crafted/xls/odd-records.xls", 512, "sectors"),
    ("crafted/xls/sector-4096.xls", 4096, "sectors"),
    ("crafted/xls/mini-stream.xls", 512, "mini stream"),
    ("crafted/xls/extra-difat.xls", 512, "sectors"),
    ("producers/xls/cases.xls", 512, "sectors"),
  ])
  func readsTheWorkbookStream(_ fixture: String, _ sectorSize: Int, _ place: String) throws {
    let file = try CompoundFile(path: Fixtures.path(fixture))
    #expect(file.header.sectorSize == sectorSize)
    let stream = try #require(try file.stream(named: "workbook"))
    let bytes = try stream.readAll()
    #expect(bytes.count == Int(stream.size))
    // A BIFF8 stream starts with a BOF record: 09 08, length 16, version 0x0600.
    #expect(Array(bytes.prefix(6)) == [0x09, 0x08, 0x10, 0x00, 0x00, 0x06])
    #expect((stream.size < Int64(file.header.miniStreamCutoff)) == (place == "mini stream"))
  }

  @Test func extraDIFATSectorIsFollowed() throws {
    // 110 FAT sectors: the header holds 109 ids, the 110th is in a DIFAT sector.
    let file = try CompoundFile(path: Fixtures.path("crafted/xls/extra-difat.xls"))
    #expect(file.header.fatSectorCount == 110)
    #expect(file.header.difatSectorCount == 1)
  }

  @Test func readsAtAnyOffsetAcrossSectors() throws {
    let file = try CompoundFile(path: Fixtures.path("producers/xls/cases.xls"))
    let stream = try #require(try file.stream(named: "Workbook"))
    let whole = try stream.readAll()
    for (offset, count) in [(0, 1), (511, 2), (1000, 1500), (Int(stream.size) - 3, 10)] {
      let buffer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 1)
      defer { buffer.deallocate() }
      let n = try stream.read(at: Int64(offset), into: buffer, count: count)
      #expect(
        Array(UnsafeRawBufferPointer(start: buffer, count: n))
          == Array(whole[offset..<min(whole.count, offset + count)]))
    }
  }

  private func code(_ fixture: String, _ change: (inout ReadLimits) -> Void) -> String? {
    var limits = ReadLimits()
    change(&limits)
    do {
      let workbook = try XLSWorkbook(path: Fixtures.path(fixture), limits: limits)
      for sheet in workbook.sheets {
        let reader = try workbook.rowReader(of: sheet)
        while try reader.next() != nil {}
      }
      return nil
    } catch {
      return error.code
    }
  }

  @Test func limitsHaveTheirOwnCode() {
    // cases.xls has 18 sectors, 8 directory entries (two sectors) and a 6,144-byte stream.
    #expect(code("producers/xls/cases.xls") { $0.maxCompoundSectors = 10 } == "compound-file-too-large")
    #expect(code("producers/xls/cases.xls") { $0.maxDirectoryEntries = 2 } == "compound-file-too-large")
    #expect(code("producers/xls/cases.xls") { $0.maxCompoundStreamBytes = 4096 } == "compound-file-too-large")
    #expect(code("producers/xls/cases.xls") { _ in } == nil)
  }

  @Test func limitErrorsNameTheLimit() throws {
    var limits = ReadLimits()
    limits.maxCompoundStreamBytes = 4096
    #expect(
      performing: { try XLSWorkbook(path: Fixtures.path("producers/xls/cases.xls"), limits: limits) },
      throws: { error in
        guard case .compoundFileTooLarge(let location, let what, let count, let limit) = error as? SheetReadError
        else { return false }
        return what == "stream bytes" && count > limit && limit == 4096 && location.part == "Workbook"
      })
  }
}
