/// The day's and the month's figures.
public enum ReportRefusal: Refusal, Equatable {
    public static let area = "report"

    /// A month is written 2026-11.
    case notMonth(given: String)
}
