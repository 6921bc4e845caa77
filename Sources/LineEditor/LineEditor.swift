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
        ceditline_catch_interrupt(1)
    }

    /// What a person did at the prompt.
    public enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line typed so far is dropped; a fresh prompt follows.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal gone.
        case end
    }

    /// Shows the prompt and returns the line typed; Ctrl-C clears it, Ctrl-D ends.
    public func read(prompt: String) -> Input {
        // A Ctrl-C pressed while the last command ran is not one at this prompt.
        _ = ceditline_take_interrupt()
        guard let raw = readline(prompt) else {
            return LineEditor.outcomeWithoutLine(interrupted: ceditline_take_interrupt() != 0)
        }
        if ceditline_take_interrupt() != 0 {
            free(raw)
            return .interrupted
        }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: " \t").isEmpty, let kept = recordable(line) {
            _ = add_history(kept)
            _ = write_history(historyPath)
        }
        return .line(line)
    }

    /// readline gave no line: Ctrl-C (the SIGINT flag was set while it waited) or the end.
    static func outcomeWithoutLine(interrupted: Bool) -> Input { interrupted ? .interrupted : .end }

    private static func complete(text: UnsafePointer<CChar>?, start: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        ceditline_completion_done()
        let word = text.map { String(cString: $0) } ?? ""
        var before = ""
        if let buffer = ceditline_line_buffer() {
            // libedit edits wide characters: `start` counts characters (code points), not the
            // bytes of the UTF-8 line it hands over — 京 is one, not three.
            before = String(String.UnicodeScalarView(String(cString: buffer).unicodeScalars.prefix(Int(start))))
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

/// Reads a secret (a PIN) from the terminal without showing it. Ctrl-C (or Ctrl-D) cancels: nil.
public enum SecretReader {
    public static func read(prompt: String) -> String? {
        var original = termios()
        let isTerminal = tcgetattr(0, &original) == 0
        if isTerminal {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &silent)
        }
        // While it waits, Ctrl-C interrupts the read instead of ending the program or being ignored.
        let caughtBefore = ceditline_interrupt_caught() != 0
        _ = ceditline_take_interrupt()
        ceditline_catch_interrupt(0)
        defer {
            if isTerminal { tcsetattr(0, TCSAFLUSH, &original) }
            if caughtBefore { ceditline_catch_interrupt(1) } else { signal(SIGINT, SIG_DFL) }
            _ = ceditline_take_interrupt()
            FileHandle.standardError.write("\n".data(using: .utf8)!)
        }
        // Asked only once echo is off and Ctrl-C is caught, so nothing typed at the prompt is lost.
        FileHandle.standardError.write(prompt.data(using: .utf8)!)
        return readSecretLine()
    }

    /// One line from the terminal, byte by byte (no buffer keeps what follows it); nil when
    /// interrupted or at the end.
    private static func readSecretLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = Glibc.read(0, &byte, 1)
            if count < 0 && errno == EINTR {
                if ceditline_take_interrupt() != 0 { return nil }
                continue
            }
            if count <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import Foundation
