/// Path arithmetic on the text of a path, byte by byte, that never traps.
///
/// Foundation's `NSString.deletingLastPathComponent` (swift-corelibs-foundation) stops the program
/// on a path of one character ("a", "a/", "."): its `_startOfLastPathComponent` has a
/// `precondition(length > 1)`. Every path a person types goes through these instead.
public enum PathText {
    private static let slash = UInt8(ascii: "/")

    /// The folder part: "" for a bare name ("a"), "/" for "/a", "x/y" for "x/y/z" and "x/y/z/".
    public static func folder(of path: String) -> String {
        let bytes = trimmedTrailingSlashes(Array(path.utf8))
        if bytes.isEmpty { return path.utf8.first == slash ? "/" : "" }
        guard let last = bytes.lastIndex(of: slash) else { return "" }
        let folder = trimmedTrailingSlashes(Array(bytes[..<last]))
        if folder.isEmpty { return "/" }
        return String(decoding: folder, as: UTF8.self)
    }

    /// The folder to open for a path: its folder, or "." for a bare name.
    public static func folderToOpen(for path: String) -> String {
        let folder = folder(of: path)
        return folder.isEmpty ? "." : folder
    }

    /// The last component: "z" for "x/y/z" and "x/y/z/", "/" for "/", "" for "".
    public static func name(of path: String) -> String {
        let bytes = trimmedTrailingSlashes(Array(path.utf8))
        if bytes.isEmpty { return path.utf8.first == slash ? "/" : "" }
        guard let last = bytes.lastIndex(of: slash) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes[(last + 1)...], as: UTF8.self)
    }

    /// The extension of the last component, without its dot: "pdf" for "x/RO1.pdf", "" for "a",
    /// ".profile" or "a.".
    public static func `extension`(of path: String) -> String {
        let name = Array(name(of: path).utf8)
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0, dot < name.count - 1 else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self)
    }

    /// `folder` and `name` joined by one slash ("" and "." give the name alone).
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.utf8.last == slash ? folder + name : folder + "/" + name
    }

    /// Text made into one file name: letters, digits, '.', '-' and '_' kept (any script's letters),
    /// every other character '_', at most 200 bytes (a connection URI becomes its anchor's name).
    public static func safeFileName(_ text: String) -> String {
        var name = ""
        for character in text {
            let kept = character.isLetter || character.isNumber || character == "." || character == "-" || character == "_"
            let next = kept ? String(character) : "_"
            guard name.utf8.count + next.utf8.count <= 200 else { break }
            name += next
        }
        return name.hasPrefix(".") ? "_" + name.dropFirst() : name
    }

    /// The components of a path, without empty ones ("a//b/" → ["a", "b"]).
    public static func components(of path: String) -> [String] {
        path.utf8.split(separator: slash).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func trimmedTrailingSlashes(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        while bytes.last == slash { bytes.removeLast() }
        return bytes
    }
}
