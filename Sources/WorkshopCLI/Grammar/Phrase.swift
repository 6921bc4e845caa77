import WorkshopModel

/// Words in both of the shop's languages, declared side by side so that neither can be forgotten.
struct Phrase: Sendable, Hashable {
    let chinese: String
    let english: String

    init(_ chinese: String, _ english: String) {
        self.chinese = chinese
        self.english = english
    }

    func callAsFunction(_ language: Language) -> String { language == .zh ? chinese : english }
}
