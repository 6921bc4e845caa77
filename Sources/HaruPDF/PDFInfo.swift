import CHaru
import DocumentModel
import Foundation

/// The PDF's document information: what a reader shows as its title and author, and when it was made.
public struct PDFInfo: Sendable {
    public var title: String
    /// The shop.
    public var author: String
    public var created: Date
    /// The zone the creation time is written in (the shop's).
    public var timeZone: TimeZone

    public init(title: String, author: String, created: Date = Date(), timeZone: TimeZone = .current) {
        (self.title, self.author, self.created, self.timeZone) = (title, author, created, timeZone)
    }

    /// A title from the documents themselves, in the shop's language: "进厂维修单 RO12"; several
    /// papers of one order "机动车维修结算清单、出厂通知单 RO3"; papers of several orders need a
    /// title given (a day batch is titled as the batch).
    public static func title(of documents: [Document]) -> String {
        guard let first = documents.first else { return "Workshop" }
        let chinese = first.bilingual
        var titles: [String] = []
        for document in documents {
            let title = chinese ? document.title.zh : document.title.en
            if !titles.contains(title) { titles.append(title) }
        }
        let references = Set(documents.map(\.reference))
        let reference = references.count == 1 ? " " + first.reference : ""
        return titles.joined(separator: chinese ? "、" : ", ") + reference
    }

    var creationDate: HPDF_Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: created)
        let offset = timeZone.secondsFromGMT(for: created) / 60
        let sign: Character = offset > 0 ? "+" : offset < 0 ? "-" : "Z"
        return HPDF_Date(year: Int32(parts.year ?? 2000), month: Int32(parts.month ?? 1), day: Int32(parts.day ?? 1),
                         hour: Int32(parts.hour ?? 0), minutes: Int32(parts.minute ?? 0), seconds: Int32(parts.second ?? 0),
                         ind: CChar(sign.asciiValue!), off_hour: Int32(abs(offset) / 60), off_minutes: Int32(abs(offset) % 60))
    }
}
