/// Record ids this reader acts on ([MS-XLS] §2.3); every other record is skipped.
enum BIFFRecord {
  static let bof: UInt16 = 0x0809
  static let eof: UInt16 = 0x000A
  static let filePass: UInt16 = 0x002F
  static let codePage: UInt16 = 0x0042
  static let dateMode: UInt16 = 0x0022
  static let font: UInt16 = 0x0031
  static let format: UInt16 = 0x041E
  static let xf: UInt16 = 0x00E0
  static let boundSheet: UInt16 = 0x0085
  static let sst: UInt16 = 0x00FC
  static let `continue`: UInt16 = 0x003C
  static let dimensions: UInt16 = 0x0200
  static let number: UInt16 = 0x0203
  static let rk: UInt16 = 0x027E
  static let mulRK: UInt16 = 0x00BD
  static let labelSST: UInt16 = 0x00FD
  static let label: UInt16 = 0x0204
  static let rString: UInt16 = 0x00D6
  static let boolErr: UInt16 = 0x0205
  static let formula: UInt16 = 0x0006
  static let string: UInt16 = 0x0207
  static let mergedCells: UInt16 = 0x00E5
  /// BOF records of BIFF2, BIFF3 and BIFF4, which thidua does not read.
  static let oldBOFs: Set<UInt16> = [0x0009, 0x0209, 0x0409]
}

/// The BIFF versions read: BIFF8 (Excel 97–2003) and BIFF5/BIFF7 (Excel 5 and 95).
enum BIFFVersion: Sendable {
  case biff5
  case biff8
}
