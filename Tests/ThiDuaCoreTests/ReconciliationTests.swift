import Testing

@testable import ThiDuaCore

/// How the reviewers' answers combine (the copies themselves: scripts/check-decisions.py).
@Suite struct ReconciliationTests {
  @Test(arguments: [
    ("Đồng ý", Reconciliation.Answer.agree), ("  đồng ý ", .agree), ("DONG Y", .agree), ("Agree", .agree),
    ("Không đồng ý", .disagree), ("disagree", .disagree), ("Cần bổ sung", .needsMore), ("needs more", .needsMore),
  ])
  func answersAreReadInEitherLanguage(_ typed: String, _ answer: Reconciliation.Answer) {
    #expect(Reconciliation.answer(typed) == answer)
  }

  @Test func otherTextIsNoAnswer() {
    #expect(Reconciliation.answer("ok") == nil)
    #expect(Reconciliation.answer("") == nil)
    #expect(Reconciliation.answer("Đồng ý một phần") == nil)
  }

  @Test func anyRequestForMoreSendsItBackAndMixedAnswersDisagree() {
    #expect(Reconciliation.status([.agree, .agree]) == .agreed)
    #expect(Reconciliation.status([.disagree]) == .rejected)
    #expect(Reconciliation.status([.agree, .disagree]) == .disagreement)
    #expect(Reconciliation.status([.agree, .needsMore, .disagree]) == .needsMore)
    #expect(Reconciliation.status([]) == .undecided)
  }

  @Test func aResaveIsNoEdit() {
    #expect(!Reconciliation.differs("100", "100", "score"))
    #expect(!Reconciliation.differs("75", "75.0", "score"))
    #expect(Reconciliation.differs("75", "99", "score"))
    #expect(!Reconciliation.differs("Giấy khen", "Giấy khen ", "form"))
    #expect(Reconciliation.differs("Giấy khen", "Bằng khen của Chủ tịch UBND tỉnh", "form"))
  }
}
