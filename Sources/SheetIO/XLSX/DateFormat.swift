/// Decides whether a number format shows a date or time, or a percentage.
enum DateFormat {
  /// Built-in percentage formats (ECMA-376 Part 1, §18.8.30): `0%` and `0.00%`.
  static func isBuiltInPercent(_ id: Int) -> Bool { id == 9 || id == 10 }

  /// True when the first section of a format code shows `%` outside quoted literals and
  /// escapes: the cell holds a fraction that the format multiplies by 100.
  static func isPercentCode(_ code: String) -> Bool {
    var quoted = false
    var escaped = false
    for c in code.unicodeScalars {
      if escaped {
        escaped = false
        continue
      }
      switch c {
      case "\"": quoted.toggle()
      case "\\" where !quoted: escaped = true
      case ";" where !quoted: return false
      case "%" where !quoted: return true
      default: continue
      }
    }
    return false
  }

  /// Built-in formats that are dates or times (ECMA-376 Part 1, §18.8.30): 14–22 and
  /// 45–47; 27–36 and 50–58 are the East Asian built-ins, dates in every locale.
  static func isBuiltInDate(_ id: Int) -> Bool {
    (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)
  }

  /// True when a custom format code has a date or time token (`d`, `m`, `y`, `h`, `s`,
  /// `e`, `g` era, or an elapsed-time `[h]`) outside quoted literals, backslash and
  /// underscore/asterisk escapes and bracketed sections such as `[Red]` or `[$-42A]`.
  /// Only the first section counts, as the others format negatives, zero and text.
  static func isDateCode(_ code: String) -> Bool {
    var chars = Array(code.unicodeScalars)[...]
    while let c = chars.first {
      chars = chars.dropFirst()
      switch c {
      case ";": return false
      case "\"":
        while let q = chars.first {
          chars = chars.dropFirst()
          if q == "\"" { break }
        }
      case "\\", "_", "*":
        chars = chars.dropFirst()
      case "[":
        var section = ""
        while let q = chars.first {
          chars = chars.dropFirst()
          if q == "]" { break }
          section.unicodeScalars.append(q)
        }
        let lower = section.lowercased()
        if !lower.isEmpty, lower.allSatisfy({ "hms".contains($0) }) { return true }  // [h], [mm], [ss]
      case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S", "e", "E", "g", "G":
        // `E` in `0.00E+00` is scientific notation, not a date token.
        if (c == "e" || c == "E"), let next = chars.first, next == "+" || next == "-" { continue }
        if c == "g" || c == "G" {
          // "General" is not a date.
          if String(String.UnicodeScalarView(chars.prefix(6))).lowercased() == "eneral" {
            chars = chars.dropFirst(6)
            continue
          }
        }
        return true
      default: continue
      }
    }
    return false
  }
}
