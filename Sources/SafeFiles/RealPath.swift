import Glibc

/// Where a path really leads, every symbolic link followed: for telling whether a file about to be
/// written lands in a folder it must not (the templates, the database's).
public enum RealPath {
    /// The absolute path with every link resolved, or nil when it does not exist.
    public static func of(_ path: String) -> String? {
        guard let resolved = realpath(path.isEmpty ? "." : path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Where `path` would lead once its missing folders are created: the nearest part that exists,
    /// resolved, followed by the rest (whose "." and ".." are taken as written, since nothing there
    /// exists to be a link).
    public static func ofNew(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !existing.isEmpty, of(existing) == nil {
            rest.insert(PathText.name(of: existing), at: 0)
            let folder = PathText.folder(of: existing)
            if folder == existing { break }
            existing = folder
        }
        var resolved = of(existing.isEmpty ? "." : existing) ?? "/"
        for component in rest {
            switch component {
            case ".", "": continue
            case "..": resolved = PathText.folder(of: resolved).isEmpty ? "/" : PathText.folder(of: resolved)
            default: resolved = PathText.join(resolved, component)
            }
        }
        return resolved
    }

    /// Whether `path` is `folder` or inside it (both resolved already).
    public static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}
