/// The assignment of fields to columns with the best total score: each field to at most
/// one column and each column to at most one field (the Hungarian method, Kuhn–Munkres,
/// on fields × columns; a report form has a few dozen of each, so O(n²m) is nothing).
enum ColumnAssignment {
  /// `scores[f][c]` is field f's score for column c, nil when the field cannot go there.
  /// Returns the column chosen for each field, nil when it is best left out.
  static func best(_ scores: [[Double?]]) -> [Int?] {
    let n = scores.count
    guard n > 0, let columns = scores.first?.count, columns > 0 else { return Array(repeating: nil, count: n) }
    // One dummy column per field stands for "left out" at cost 0, so a field is never
    // forced into a column it cannot have.
    let m = columns + n
    let forbidden = 1e9
    func cost(_ f: Int, _ c: Int) -> Double {
      if c >= columns { return 0 }
      return scores[f][c].map { -$0 } ?? forbidden
    }
    // Potentials and matching, 1-based as in the textbook method.
    var u = Array(repeating: 0.0, count: n + 1)
    var v = Array(repeating: 0.0, count: m + 1)
    var owner = Array(repeating: 0, count: m + 1)  // column → field (1-based), 0 free
    var way = Array(repeating: 0, count: m + 1)
    for f in 1...n {
      owner[0] = f
      var column = 0
      var least = Array(repeating: Double.infinity, count: m + 1)
      var used = Array(repeating: false, count: m + 1)
      repeat {
        used[column] = true
        let field = owner[column]
        var delta = Double.infinity
        var next = 0
        for c in 1...m where !used[c] {
          let reduced = cost(field - 1, c - 1) - u[field] - v[c]
          if reduced < least[c] {
            least[c] = reduced
            way[c] = column
          }
          if least[c] < delta {
            delta = least[c]
            next = c
          }
        }
        for c in 0...m {
          if used[c] {
            u[owner[c]] += delta
            v[c] -= delta
          } else {
            least[c] -= delta
          }
        }
        column = next
      } while owner[column] != 0
      repeat {
        let previous = way[column]
        owner[column] = owner[previous]
        column = previous
      } while column != 0
    }
    var result: [Int?] = Array(repeating: nil, count: n)
    for c in 1...m where owner[c] != 0 && c - 1 < columns && scores[owner[c] - 1][c - 1] != nil {
      result[owner[c] - 1] = c - 1
    }
    return result
  }
}
