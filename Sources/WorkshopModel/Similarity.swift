/// How near a mistyped word is to the ones on file: the optimal-string-alignment distance
/// (insertions, deletions, substitutions, and swaps of neighbours each count one), for the
/// "did you mean" of a plate, a VIN or a part number.
public enum Similarity {
    /// The distance between `a` and `b`, or nil when it is more than `ceiling` (found without
    /// finishing the table when the lengths alone, or a whole row, already say so).
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], ceiling: Int) -> Int? {
        var table = Table()
        return table.distance(a, b, ceiling: ceiling)
    }

    /// The candidates nearest to `word`, at most `ceiling` edits away: only those at the smallest
    /// distance found, in order, at most `limit` of them. The word itself is never suggested.
    public static func nearest(to word: String, among candidates: [String], ceiling: Int, limit: Int = 3) -> [String] {
        let typed = Array(word.unicodeScalars)
        // One table and one candidate buffer for the whole search: a price list's 20,000 part
        // numbers are compared in a fraction of a millisecond, not allocated for one by one.
        var table = Table()
        var candidateScalars: [Unicode.Scalar] = []
        var best = ceiling + 1
        var found: [String] = []
        for candidate in candidates where candidate != word {
            // Each scalar takes at least one UTF-8 byte, at most four: lengths too far apart
            // are passed over without reading the candidate.
            let bytes = candidate.utf8.count
            if bytes + min(ceiling, best) < typed.count || bytes > 4 * (typed.count + min(ceiling, best)) { continue }
            candidateScalars.removeAll(keepingCapacity: true)
            candidateScalars.append(contentsOf: candidate.unicodeScalars)
            guard let d = table.distance(typed, candidateScalars, ceiling: min(ceiling, best)) else { continue }
            if d < best {
                best = d
                found = [candidate]
            } else if d == best {
                found.append(candidate)
            }
        }
        return Array(found.sorted().prefix(limit))
    }

    /// The three rows of the distance table in use, kept from one comparison to the next.
    private struct Table {
        var before: [Int] = []      // row i - 2
        var previous: [Int] = []    // row i - 1
        var current: [Int] = []

        mutating func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], ceiling: Int) -> Int? {
            if abs(a.count - b.count) > ceiling { return nil }
            if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
            let width = b.count + 1
            if previous.count < width {
                before = [Int](repeating: 0, count: width)
                previous = before
                current = before
            }
            for j in 0...b.count { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > ceiling { return nil }
                swap(&before, &previous)
                swap(&previous, &current)
            }
            let result = previous[b.count]
            return result <= ceiling ? result : nil
        }
    }
}
