import SheetIO

extension Double {
  /// To two decimals: the precision of rates, reductions and scores in the forms.
  var hundredths: Double { (self * 100).rounded() / 100 }

  /// The value to two decimals as the findings' values write it (`1.59`, `10191`).
  var hundredthsText: String { CanonicalCSV.numberText(hundredths) }
}
