/// The namespace declarations in force at the current element (Namespaces in XML 1.0,
/// §6.1): a declaration holds for the element that carries it and its descendants.
///
/// Documents declare their namespaces once, on the root, so the look-up is a small cache
/// in front of a dictionary; declarations deeper down are undone when their element ends.
final class ODSNamespaceScope {
  /// A prefix as a key: up to eight bytes packed into an integer, longer ones as text.
  struct PrefixKey: Hashable {
    var packed: UInt64
    var long: String?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      if bytes.count <= 8 {
        packed = PrefixKey.pack(bytes)
        long = nil
      } else {
        packed = UInt64(bytes.count)
        long = String(decoding: bytes, as: UTF8.self)
      }
    }

    /// Up to eight bytes as one integer, the first in the lowest byte.
    @inline(__always) static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
      var key: UInt64 = 0
      var shift: UInt64 = 0
      for i in 0..<bytes.count {
        key |= UInt64(bytes[i]) << shift
        shift += 8
      }
      return key
    }
  }

  private struct Undo {
    var depth: Int
    /// nil for the default namespace.
    var key: PrefixKey?
    var previous: ODSNamespace?
  }

  private var bindings: [PrefixKey: ODSNamespace] = [:]
  private var defaultNamespace = ODSNamespace.none
  private var undo: [Undo] = []
  private var recentKeys: [UInt64] = []
  private var recentNamespaces: [ODSNamespace] = []

  /// Declares `prefix` (empty for the default namespace) as `uri` for the element at `depth`.
  func declare(prefix: UnsafeBufferPointer<UInt8>, uri: String, depth: Int) {
    let namespace = ODSNamespace(uri: uri)
    recentKeys.removeAll(keepingCapacity: true)
    recentNamespaces.removeAll(keepingCapacity: true)
    if prefix.isEmpty {
      undo.append(Undo(depth: depth, key: nil, previous: defaultNamespace))
      defaultNamespace = namespace
      return
    }
    let key = PrefixKey(prefix)
    undo.append(Undo(depth: depth, key: key, previous: bindings[key]))
    bindings[key] = namespace
  }

  /// Undoes the declarations of the element at `depth`, which has ended.
  func end(depth: Int) {
    guard let last = undo.last, last.depth >= depth else { return }
    recentKeys.removeAll(keepingCapacity: true)
    recentNamespaces.removeAll(keepingCapacity: true)
    while let entry = undo.last, entry.depth >= depth {
      undo.removeLast()
      if let key = entry.key {
        bindings[key] = entry.previous
      } else {
        defaultNamespace = entry.previous ?? .none
      }
    }
  }

  /// The namespace of an element's prefix; an empty prefix gives the default namespace.
  @inline(__always)
  func element(prefix: UnsafeBufferPointer<UInt8>) -> ODSNamespace {
    prefix.isEmpty ? defaultNamespace : resolve(prefix)
  }

  /// The namespace of an attribute's prefix; unprefixed attributes are in none.
  @inline(__always)
  func attribute(prefix: UnsafeBufferPointer<UInt8>) -> ODSNamespace {
    prefix.isEmpty ? .none : resolve(prefix)
  }

  private func resolve(_ prefix: UnsafeBufferPointer<UInt8>) -> ODSNamespace {
    if prefix.count <= 8 {
      // Prefixes are short and few: the usual look-up is a compare or two.
      let packed = PrefixKey.pack(prefix)
      for i in 0..<recentKeys.count where recentKeys[i] == packed { return recentNamespaces[i] }
    }
    let key = PrefixKey(prefix)
    let namespace =
      bindings[key] ?? ODSNamespace(undeclaredPrefix: key.long ?? String(decoding: prefix, as: UTF8.self))
    if key.long == nil && recentKeys.count < 8 {
      recentKeys.append(key.packed)
      recentNamespaces.append(namespace)
    }
    return namespace
  }
}
