import Foundation

/// `thidua movement init DIR`: the smallest movement that passes `movement check` and
/// runs a review, for a Board to grow from. One form (a self-assessment), two criteria,
/// one award rule and two communes, every name and figure illustrative and marked so;
/// and the shipped JSON Schemas of the files (`schema/`).
public enum MovementStarter {
  /// The files, by path in the folder, for a movement of `year`.
  public static func files(year: Int) -> [(path: String, text: String)] {
    [
      ("movement.json", movement(year)), ("forms/TU_DANH_GIA.json", form), ("criteria.json", criteria),
      ("awards.json", awards), ("units.csv", units),
    ]
  }

  /// Writes the files into `folder`, which must not exist or be empty (nothing is overwritten).
  public static func write(to folder: String, year: Int) throws {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
      guard isFolder.boolValue, (try manager.contentsOfDirectory(atPath: folder)).isEmpty else {
        throw CocoaError(.fileWriteFileExists)
      }
    }
    try manager.createDirectory(atPath: folder + "/forms", withIntermediateDirectories: true)
    for (path, text) in files(year: year) {
      try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(path)))
    }
    // The files' JSON Schemas, for editors that complete and check keys.
    if let shipped = try? MovementDefinition.shippedFolder() {
      let schemas = (shipped as NSString).appendingPathComponent("schema")
      if manager.fileExists(atPath: schemas) {
        try manager.copyItem(atPath: schemas, toPath: (folder as NSString).appendingPathComponent("schema"))
      }
    }
  }

  private static func movement(_ year: Int) -> String {
    """
    {
      "$schema": "schema/movement.schema.json",
      "code": "PHONG-TRAO-MAU",
      "title": "Phong trào thi đua mẫu (minh họa: thay bằng tên phong trào)",
      "plan": "Kế hoạch số …/KH-… ngày …/…/\(year) (minh họa: ghi số, ngày của kế hoạch)",
      "planDate": "\(year)-01-01",
      "reviewer": "Hội đồng Thi đua – Khen thưởng (minh họa)",
      "years": [\(year)],
      "reportingCategories": ["XA"],
      "formsByCategory": {
        "XA": ["TU_DANH_GIA"]
      }
    }

    """
  }

  private static let form = """
    {
      "$schema": "../schema/form.schema.json",
      "name": "TU_DANH_GIA",
      "sheetName": "Tự đánh giá",
      "title": "Tự đánh giá kết quả thực hiện các tiêu chí thi đua",
      "titleEn": "Self-assessment against the criteria",
      "layout": "rows",
      "role": {
        "kind": "self-assessment",
        "criterion": "ma_tieu_chi",
        "result": "ket_qua",
        "evidence": "minh_chung",
        "met": ["Đạt"]
      },
      "description": "Một dòng cho mỗi tiêu chí. Kết quả \\"Đạt\\" phải có văn bản minh chứng.",
      "fields": [
        {
          "name": "ma_tieu_chi",
          "title": "Mã tiêu chí",
          "type": "string",
          "constraints": {"required": true},
          "description": "Mã tiêu chí, ví dụ t1.",
          "match": {"all": [["mã tiêu chí", "mã", "tiêu chí số"]], "none": ["nội dung", "kết quả", "minh chứng"]}
        },
        {
          "name": "noi_dung",
          "title": "Nội dung tiêu chí",
          "type": "string",
          "match": {"all": [["nội dung", "tên tiêu chí"]], "none": ["mã", "kết quả", "minh chứng"]}
        },
        {
          "name": "ket_qua",
          "title": "Kết quả tự đánh giá",
          "type": "enum",
          "constraints": {"required": true, "enum": ["Đạt", "Không đạt"]},
          "description": "Đạt hoặc Không đạt.",
          "match": {"all": [["kết quả", "tự đánh giá", "đánh giá"]], "none": ["minh chứng", "nội dung"]}
        },
        {
          "name": "minh_chung",
          "title": "Văn bản minh chứng (số, ngày)",
          "type": "string",
          "description": "Số và ngày văn bản chứng minh kết quả.",
          "match": {"all": [["minh chứng", "căn cứ", "văn bản"]]}
        }
      ]
    }

    """

  private static let criteria = """
    {
      "$schema": "schema/criteria.schema.json",
      "note": "Tiêu chí minh họa: thay bằng tiêu chí của kế hoạch; tổng điểm mỗi loại đơn vị bằng maxPoints.",
      "maxPoints": {"XA": 100},
      "criteria": [
        {
          "id": "t1",
          "category": "XA",
          "clause": "1",
          "title": "Ban hành kế hoạch",
          "titleEn": "Plan issued",
          "text": "Ban hành kế hoạch thực hiện phong trào trong năm (minh họa).",
          "decided": "self_assessed",
          "mandatory": true,
          "points": 50
        },
        {
          "id": "t2",
          "category": "XA",
          "clause": "2",
          "title": "Báo cáo kết quả",
          "titleEn": "Results reported",
          "text": "Tổng kết, báo cáo kết quả phong trào đúng hạn (minh họa).",
          "decided": "self_assessed",
          "mandatory": false,
          "points": 50
        }
      ]
    }

    """

  private static let awards = """
    {
      "$schema": "schema/awards.schema.json",
      "note": "Quy tắc minh họa: thay bằng hướng dẫn khen thưởng của phong trào.",
      "reportDeadline": "31/12",
      "rules": [
        {
          "review": "annual",
          "categories": ["XA"],
          "form": "Giấy khen (minh họa)",
          "minScore": 100,
          "allMandatoryMet": true,
          "basis": "Đạt đủ các tiêu chí (minh họa)"
        }
      ]
    }

    """

  /// The `sample` column marks every row as illustrative.
  private static let units = """
    code,name,aliases,category,parent,area_type,poor_area,cluster,sample
    T01,Tỉnh Mẫu,,TINH,,,,,1
    X01,Xã Mẫu Một,,XA,T01,,,,1
    X02,Xã Mẫu Hai,,XA,T01,,,,1

    """
}
