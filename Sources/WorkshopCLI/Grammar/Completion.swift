import WorkshopModel
import WorkshopStore

/// What Tab offers, from the same declarations the parser reads: command names first, then the
/// keywords and options of the forms that still fit the words typed, and values from the shop's
/// data (plates, staff, bays, part numbers, labour codes) or a vocabulary.
struct Completion {
    let table: CommandTable
    let store: Store

    func candidates(for word: String, lineBefore: String) -> [String] {
        let typed = lineBefore.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        guard let name = typed.first else {
            return table.allWords.filter { $0.hasPrefix(word.lowercased()) && $0.count > 1 }.sorted()
        }
        guard let command = table.find(name) else { return [] }
        let words = typed.dropFirst().filter { !$0.contains("=") && !$0.contains("＝") }
        var candidates: Set<String> = []
        for form in command.forms {
            guard let next = nextElement(of: form, after: Array(words)) else { continue }
            if let equals = word.firstIndex(of: "=") {
                // key=partial: the option's values.
                let key = String(word[..<equals])
                if let spec = form.option(key) {
                    for value in values(of: spec.type, prefix: String(word[word.index(after: equals)...])) {
                        candidates.insert("\(key)=\(value)")
                    }
                }
                continue
            }
            switch next {
            case .keyword(let keyword)?: candidates.insert(keyword.word)
            case .argument(let argument)?: candidates.formUnion(values(of: argument.type, prefix: word))
            case nil: break
            }
            for option in form.options { candidates.insert(option.key + "=") }
        }
        return candidates.filter { $0.hasPrefix(word) || word.isEmpty }.sorted()
    }

    /// The element that comes after the words typed, if the form still fits them (`.some(nil)`:
    /// it fits and takes only options now); nil when the form does not fit.
    private func nextElement(of form: Form, after words: [String]) -> Element?? {
        var index = 0
        for element in form.words {
            if index == words.count { return .some(element) }
            switch element {
            case .keyword(let keyword):
                guard keyword.matches(words[index]) else { return nil }
                index += 1
            case .argument(let argument):
                switch argument.arity {
                case .one, .optional: index += 1
                case .text, .list, .optionalList: return .some(element)
                }
            }
        }
        return index == words.count ? .some(nil) : nil
    }

    private func values(of type: ValueType, prefix: String) -> [String] {
        if !type.choices.isEmpty { return type.choices.filter { $0.hasPrefix(prefix) } }
        let found: [String]?
        switch type.completion {
        case .plate, .order: found = prefix.isEmpty ? nil : try? store.plates(startingWith: Plate.normalize(prefix))
        case .staff: found = try? store.allStaff().map(\.name)
        case .bay: found = try? store.bays().map(\.name)
        case .part: found = try? store.parts(matching: prefix, limit: 20).map(\.partNumber)
        case .laborCode: found = try? store.laborOperations(matching: prefix, limit: 20).map(\.code)
        case .keyTag, .none: found = nil
        }
        return (found ?? []).filter { $0.hasPrefix(prefix) || $0.uppercased().hasPrefix(prefix.uppercased()) }
    }
}
