/// An amount in capital Chinese numerals (金额大写), as banks and statutory forms write it
/// (《正确填写票据和结算凭证的基本规定》): 壹贰叁肆伍陆柒捌玖 with 拾佰仟, 万 and 亿, then 元, 角 and 分.
///
/// The rules, and the choices where the rules allow two ways:
/// - Whole yuan ends in 整: 100.00 is 壹佰元整. After 角 or 分 nothing follows: 10.10 is 壹拾元壹角.
/// - A ten is written with its one: 10 is 壹拾, 100,000 is 壹拾万.
/// - A run of zeros inside the yuan is one 零 (1,026 is 壹仟零贰拾陆; 10,001 is 壹万零壹), except a run
///   that ends at the 万, 亿 (or 元) place with a digit after it in the 仟 (or 角) place: the rules let
///   that 零 be left out, and it is (107,000 is 壹拾万柒仟; 100,001,000 is 壹亿壹仟; 1,680.32 is
///   壹仟陆佰捌拾元叁角贰分).
/// - 角 zero and 分 not: 零 after 元, always (1,000,000.05 is 壹佰万元零伍分).
/// - Under a yuan there is no 元: 0.50 is 伍角, 0.05 is 伍分; nothing at all is 零元整.
/// - A negative amount (a refund) is written 负 and its value.
public enum CapitalAmount {
    static let digits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let places = ["", "拾", "佰", "仟"]

    public static func words(_ money: Money) -> String {
        guard money.fen >= 0 else {
            // -Int.min does not exist; no amount of the shop comes near it.
            return "负" + words(Money(fen: money.fen == Int.min ? Int.max : -money.fen))
        }
        let yuan = money.fen / 100, jiao = money.fen / 10 % 10, fen = money.fen % 10
        var text = yuan > 0 ? yuanWords(yuan) + "元" : ""
        switch (jiao, fen) {
        case (0, 0): text += yuan > 0 ? "整" : "零元整"
        case (0, _): text += (yuan > 0 ? "零" : "") + String(digits[fen]) + "分"
        case (_, 0): text += String(digits[jiao]) + "角"
        default: text += String(digits[jiao]) + "角" + String(digits[fen]) + "分"
        }
        return text
    }

    /// The yuan of a positive amount, read from the highest place down. The 万 of each group of eight
    /// places is written after its four digits when any of them is not zero; the 亿 after the eight
    /// places above it when any of those is not zero (so 10^12 is 壹万亿, 2 × 10^12 + 3 × 10^8 is 贰万零叁亿).
    static func yuanWords(_ yuan: Int) -> String {
        let figures = String(yuan).map { Int(String($0))! }
        let count = figures.count
        /// Whether any digit from `place` up to `place + span - 1` (places counted from the units) is not zero.
        func anyNonZero(from place: Int, span: Int) -> Bool {
            (place..<min(count, place + span)).contains { figures[count - 1 - $0] != 0 }
        }
        var text = ""
        var zeroPending = false
        for index in 0..<count {
            let place = count - 1 - index
            let digit = figures[index]
            if digit == 0 {
                if !text.isEmpty { zeroPending = true }
            } else {
                if zeroPending { text += "零" }
                zeroPending = false
                text += String(digits[digit]) + places[place % 4]
            }
            guard place > 0, place % 4 == 0 else { continue }
            if place % 8 == 4 {
                if anyNonZero(from: place, span: 4) { text += "万" }
            } else if anyNonZero(from: place, span: 8) {
                text += String(repeating: "亿", count: place / 8)
            }
            // A run of zeros ending here, at the 万 or 亿 place, needs no 零 before a 仟 that follows.
            if digit == 0 { zeroPending = false }
        }
        return text
    }
}
