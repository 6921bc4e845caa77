import CEditLine

/// Line editing for a person at a terminal, through libedit: arrow keys, history kept across
/// sessions (↑/↓, Ctrl-R search), and Tab completion. Only for a terminal; pipes are read plainly.
public final class LineEditor {
    /// Returns the candidates for the word being typed, given the line before it.
    public typealias Completer = (_ word: String, _ lineBefore: String) -> [String]

    private let historyPath: String
    private static let maximumHistory: Int32 = 2000

    // libedit calls back through C function pointers, which cannot capture: the one editor of the
    // process keeps its completer and the current candidates here.
    nonisolated(unsafe) private static var completer: Completer?
    nonisolated(unsafe) private static var candidates: [String] = []
    nonisolated(unsafe) private static var candidateIndex = 0

    /// What the history file keeps of a line typed (nil: nothing); a PIN must never reach it.
    private let recordable: (String) -> String?

    public init(historyPath: String, recordable: @escaping (String) -> String?, completer: @escaping Completer) {
        self.historyPath = historyPath
        self.recordable = recordable
        LineEditor.completer = completer
        ceditline_use_utf8_locale()
        ceditline_configure("workshop", { text, start, _ in
            LineEditor.complete(text: text, start: start)
        })
        stifle_history(LineEditor.maximumHistory)
        _ = read_history(historyPath)
    }

    /// Shows the prompt and returns the line typed, or nil at end of input (Ctrl-D).
    public func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: " \t").isEmpty, let kept = recordable(line) {
            _ = add_history(kept)
            _ = write_history(historyPath)
        }
        return line
    }

    private static func complete(text: UnsafePointer<CChar>?, start: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        ceditline_completion_done()
        let word = text.map { String(cString: $0) } ?? ""
        var before = ""
        if let buffer = ceditline_line_buffer() {
            let bytes = Array(String(cString: buffer).utf8.prefix(Int(start)))
            before = String(decoding: bytes, as: UTF8.self)
        }
        candidates = completer?(word, before) ?? []
        candidateIndex = 0
        guard !candidates.isEmpty, let text else { return nil }
        return rl_completion_matches(text, { _, _ in
            guard LineEditor.candidateIndex < LineEditor.candidates.count else { return nil }
            defer { LineEditor.candidateIndex += 1 }
            return strdup(LineEditor.candidates[LineEditor.candidateIndex])
        })
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return slice
    }
}

/// Reads a secret (a PIN) from the terminal without showing it.
public enum SecretReader {
    public static func read(prompt: String) -> String? {
        FileHandle.standardError.write(prompt.data(using: .utf8)!)
        var original = termios()
        let isTerminal = tcgetattr(0, &original) == 0
        if isTerminal {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &silent)
        }
        defer {
            if isTerminal { tcsetattr(0, TCSAFLUSH, &original) }
            FileHandle.standardError.write("\n".data(using: .utf8)!)
        }
        return Swift.readLine(strippingNewline: true)
    }
}

import Foundation
