import WorkshopModel

extension ReportRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .notMonth(let given):
            return w("“\(given)”不是月份：写作 2026-11", "'\(given)' is not a month: write it as 2026-11")
        }
    }
}

/// `shop set` without a setting.
enum SettingsRefusal: Refusal {
    static let area = "settings"
    case nothingToSet(keys: [String])
}

extension SettingsRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .nothingToSet(let keys):
            return w("shop set：请写 设置项=值；设置项：\(keys.joined(separator: ", "))",
                     "shop set: give KEY=VALUE; keys: \(keys.joined(separator: ", "))")
        }
    }
}
