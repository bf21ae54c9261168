import Foundation

/// The keys a `Decodable` type reads, path by path: the type is decoded once more from
/// the parsed JSON through this decoder, which notes every key asked for — including the
/// optional ones a file leaves out (`decodeIfPresent` asks too). A key of the file that no
/// decoder asked for is one the program would silently ignore: a misspelling.
///
/// Values are handed over as they are; it does not check them (`JSONDecoder` has).
final class KeyReadLog {
  /// Object path → the keys read there.
  private(set) var read: [String: Set<String>] = [:]
  /// Paths whose every key is data (a dictionary such as `maxPoints`).
  private(set) var open: Set<String> = []

  /// Marks an object as read, even by a type that asks for none of its keys.
  func enter(_ path: String) { if read[path] == nil { read[path] = [] } }
  func note(_ key: String, at path: String) { read[path, default: []].insert(key) }
  func openUp(_ path: String) { open.insert(path) }
  func visited(_ path: String) -> Bool { read[path] != nil || open.contains(path) }

  /// Notes what `type` reads from `json` (parsed by JSONSerialization).
  static func reading<T: Decodable>(_ type: T.Type, from json: Any) throws -> KeyReadLog {
    let log = KeyReadLog()
    _ = try T(from: KeyRecordingDecoder(value: json, path: "", log: log))
    return log
  }
}

private struct KeyRecordingDecoder: Decoder {
  let value: Any
  let path: String
  let log: KeyReadLog
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard let object = value as? [String: Any] else { throw mismatch(path) }
    log.enter(path)
    return KeyedDecodingContainer(Keyed<Key>(object: object, path: path, log: log))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard let array = value as? [Any] else { throw mismatch(path) }
    return Unkeyed(array: array, path: path, log: log)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    Single(value: value, path: path, log: log)
  }
}

private func mismatch(_ path: String) -> DecodingError {
  .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "unexpected value at \(path)"))
}

private func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let object: [String: Any]
  let path: String
  let log: KeyReadLog
  var codingPath: [any CodingKey] { [] }

  var allKeys: [Key] {
    log.openUp(path)
    return object.keys.compactMap { Key(stringValue: $0) }
  }

  private func note(_ key: Key) { log.note(key.stringValue, at: path) }

  func contains(_ key: Key) -> Bool {
    note(key)
    return object[key.stringValue] != nil
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    note(key)
    return object[key.stringValue] == nil || object[key.stringValue] is NSNull
  }

  private func decoder(_ key: Key) throws -> KeyRecordingDecoder {
    note(key)
    guard let value = object[key.stringValue] else {
      throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: path))
    }
    return KeyRecordingDecoder(value: value, path: child(path, key.stringValue), log: log)
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try T(from: try decoder(key)) }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  { try decoder(key).container(keyedBy: type) }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try decoder(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { KeyRecordingDecoder(value: object, path: path, log: log) }
  func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
}

private struct Unkeyed: UnkeyedDecodingContainer {
  let array: [Any]
  let path: String
  let log: KeyReadLog
  var codingPath: [any CodingKey] { [] }
  var currentIndex = 0
  var count: Int? { array.count }
  var isAtEnd: Bool { currentIndex >= array.count }

  init(array: [Any], path: String, log: KeyReadLog) {
    self.array = array
    self.path = path
    self.log = log
  }

  private mutating func nextDecoder() throws -> KeyRecordingDecoder {
    guard !isAtEnd else { throw mismatch(path) }
    defer { currentIndex += 1 }
    return KeyRecordingDecoder(value: array[currentIndex], path: "\(path)[\(currentIndex)]", log: log)
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, array[currentIndex] is NSNull else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: try nextDecoder()) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  { try nextDecoder().container(keyedBy: type) }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try nextDecoder().unkeyedContainer() }
  mutating func superDecoder() throws -> any Decoder { try nextDecoder() }
}

/// Plain values: strings and booleans as they are, numbers through `NSNumber`.
private struct Single: SingleValueDecodingContainer {
  let value: Any
  let path: String
  let log: KeyReadLog
  var codingPath: [any CodingKey] { [] }

  func decodeNil() -> Bool { value is NSNull }
  func decode(_ type: Bool.Type) throws -> Bool { try cast() }
  func decode(_ type: String.Type) throws -> String { try cast() }
  func decode(_ type: Double.Type) throws -> Double { try number().doubleValue }
  func decode(_ type: Float.Type) throws -> Float { try number().floatValue }
  func decode(_ type: Int.Type) throws -> Int { try number().intValue }
  func decode(_ type: Int8.Type) throws -> Int8 { try number().int8Value }
  func decode(_ type: Int16.Type) throws -> Int16 { try number().int16Value }
  func decode(_ type: Int32.Type) throws -> Int32 { try number().int32Value }
  func decode(_ type: Int64.Type) throws -> Int64 { try number().int64Value }
  func decode(_ type: UInt.Type) throws -> UInt { try number().uintValue }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try number().uint8Value }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try number().uint16Value }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try number().uint32Value }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try number().uint64Value }
  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try T(from: KeyRecordingDecoder(value: value, path: path, log: log))
  }

  private func cast<T>() throws -> T {
    guard let v = value as? T else { throw mismatch(path) }
    return v
  }

  private func number() throws -> NSNumber {
    guard let n = value as? NSNumber else { throw mismatch(path) }
    return n
  }
}
