import Foundation

/// Where command lines come from: a terminal with line editing, a pipe, or a script file.
public protocol LineSource: AnyObject {
    /// The next line without its newline, or nil at the end. Throws for a line that is not UTF-8.
    func nextLine(prompt: String) throws -> String?
}


/// Reads lines from a file descriptor or a file's bytes, refusing any line that is not valid UTF-8
/// (rather than guessing at what it meant).
public final class ByteLineReader: LineSource {
    private var buffer: [UInt8] = []
    private var position = 0
    private let descriptor: Int32?
    private var atEnd = false

    /// Reads a file descriptor as it arrives (stdin from a pipe): a program can drive Workshop line by line.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Reads a whole file.
    public init(contents: [UInt8]) {
        self.descriptor = nil
        self.buffer = contents
        self.atEnd = true
    }

    public func nextLine(prompt: String) throws -> String? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                compact()
                return try decode(line)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return try decode(line)
            }
            fill()
        }
    }

    private func fill() {
        guard let descriptor else { atEnd = true; return }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 {
            atEnd = true
        } else {
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    private func compact() {
        if position > 1 << 20 {
            buffer.removeFirst(position)
            position = 0
        }
    }

    private func decode(_ bytes: [UInt8]) throws -> String {
        var line = bytes
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        guard let text = String(validating: line, as: UTF8.self) else {
            throw SessionRefusal.notUTF8
        }
        return text
    }
}
