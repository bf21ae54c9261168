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

  /// Two agreed proposals of one achievement (a nominee sent by two units, typed two
  /// ways): the final list keeps the first; the second names it.
  @Test func oneFormPerAchievementHoldsAfterTheDecisions() {
    func proposal(_ key: String, _ name: String, unit: String, form: String?, _ status: Reconciliation.Status)
      -> Reconciliation.Proposal
    {
      Reconciliation.Proposal(
        key: key, name: name, unit: unit, subject: "nominee", category: "HUYEN", kind: "Hộ gia đình",
        achievement: "", form: form, eligible: form != nil, status: status, said: [], missingFrom: [])
    }
    var proposals = [
      proposal("N-502-a", "Hộ ông Nguyễn Văn A", unit: "502", form: "Giấy khen", .agreed),
      proposal("N-503-b", "hộ ông nguyễn văn a", unit: "503", form: "Giấy khen", .agreed),
      proposal("N-504-c", "Hộ ông Nguyễn Văn A", unit: "504", form: "Giấy khen", .rejected),
      proposal("N-505-d", "Hộ bà Trần Thị B", unit: "505", form: "Giấy khen", .agreed),
    ]
    Reconciliation.keepOneFormPerAchievement(&proposals)
    #expect(proposals.map(\.sameAchievementAs) == [nil, "N-502-a", nil, nil])
    let r = Reconciliation(
      fingerprint: "f", year: 2017, reviewers: ["an"], proposals: proposals, forbiddenEdits: [], unknownRows: [])
    let list = AwardList(r, movement: try! MovementDefinition.shipped())
    #expect(list.entries.map(\.name) == ["Hộ ông Nguyễn Văn A", "Hộ bà Trần Thị B"])
  }

  @Test func aResaveIsNoEdit() {
    #expect(!Reconciliation.differs("100", "100", "score"))
    #expect(!Reconciliation.differs("75", "75.0", "score"))
    #expect(Reconciliation.differs("75", "99", "score"))
    #expect(!Reconciliation.differs("Giấy khen", "Giấy khen ", "form"))
    #expect(Reconciliation.differs("Giấy khen", "Bằng khen của Chủ tịch UBND tỉnh", "form"))
  }
}
