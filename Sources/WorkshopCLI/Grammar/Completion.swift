import WorkshopModel
import WorkshopStore

/// What Tab offers, from the same declarations the parser reads: command names first, then the
/// keywords and options of the forms that still fit the words typed, and values from the shop's
/// data (plates, staff, bays, part numbers, labour codes, free key tags) or a vocabulary.
struct Completion {
    let table: CommandTable
    let store: Store

    func candidates(for word: String, lineBefore: String) -> [String] {
        // At a terminal libedit breaks words at "=": "key=K0" arrives as the word "K0" after a
        // line ending in "key=". Complete it as the option it is, and offer the value alone.
        if let last = lineBefore.last, !last.isWhitespace, last == "=" || last == "＝" {
            let start = lineBefore.lastIndex(where: { $0 == " " || $0 == "\u{3000}" }).map { lineBefore.index(after: $0) } ?? lineBefore.startIndex
            let key = String(lineBefore[start...].dropLast())
            guard !key.isEmpty, !key.contains("=") else { return [] }
            return candidates(for: key + "=" + word, lineBefore: String(lineBefore[..<start]))
                .filter { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
        }
        let typed = lineBefore.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        guard let name = typed.first else {
            return table.allWords.filter { $0.hasPrefix(word.lowercased()) && $0.count > 1 }.sorted()
        }
        guard let command = table.find(name) else { return [] }
        let words = typed.dropFirst().filter { !$0.contains("=") && !$0.contains("＝") }
        var candidates: Set<String> = []
        // Values from the shop's data, already matched to what was typed (codes are stored in
        // capitals: "brk" completes to BRK-01); keywords and option names must match as typed.
        var found: Set<String> = []
        for form in command.forms {
            guard let next = nextElement(of: form, after: Array(words)) else { continue }
            if let equals = word.firstIndex(of: "=") {
                // key=partial: the option's values.
                let key = String(word[..<equals])
                if let spec = form.option(key) {
                    for value in values(of: spec.type, prefix: String(word[word.index(after: equals)...])) {
                        found.insert("\(key)=\(value)")
                    }
                }
                continue
            }
            switch next {
            case .keyword(let keyword)?: candidates.insert(keyword.word)
            case .argument(let argument)?: found.formUnion(values(of: argument.type, prefix: word))
            case nil: break
            }
            for option in form.options { candidates.insert(option.key + "=") }
        }
        return (candidates.filter { $0.hasPrefix(word) || word.isEmpty }.union(found)).sorted()
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
        // A list of codes (BRK-01,BRK-03; BP-1234:1,W712:2): its last item is the one being typed.
        if type.completion == .laborCode || type.completion == .part, let comma = prefix.lastIndex(of: ",") {
            let head = String(prefix[...comma])
            let last = String(prefix[prefix.index(after: comma)...])
            guard !last.contains(":") else { return [] }
            return values(of: type, prefix: last).map { head + $0 }
        }
        if type.completion == .part, prefix.contains(":") { return [] }
        let found: [String]?
        switch type.completion {
        case .plate, .order: found = prefix.isEmpty ? nil : try? store.plates(startingWith: Plate.normalize(prefix))
        case .staff: found = try? store.allStaff().map(\.name)
        case .bay: found = try? store.bays().map(\.name)
        case .part: found = try? store.partNumbers(startingWith: prefix)
        case .laborCode: found = try? store.laborCodes(startingWith: prefix)
        case .keyTag: found = try? store.freeKeyTags(startingWith: prefix)
        case .none: found = nil
        }
        return (found ?? []).filter { $0.hasPrefix(prefix) || $0.uppercased().hasPrefix(prefix.uppercased()) }
    }
}
