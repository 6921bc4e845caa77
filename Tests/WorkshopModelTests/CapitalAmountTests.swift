import Testing
@testable import WorkshopModel

/// 金额大写, worked out by hand from the banks' rules (《正确填写票据和结算凭证的基本规定》), each case
/// written down before the code ran.
@Suite("Amounts in capital Chinese numerals (金额大写)")
struct CapitalAmountTests {
    @Test("hand-worked amounts", arguments: [
        // Whole yuan: 整.
        (0, "零元整"),
        (100, "壹元整"),
        (1_000, "壹拾元整"),
        (10_000, "壹佰元整"),
        (1_100, "壹拾壹元整"),
        (2_000, "贰拾元整"),
        (10_500, "壹佰零伍元整"),
        (150_000, "壹仟伍佰元整"),
        // Jiao and fen: nothing after them; under a yuan, no 元.
        (50, "伍角"),
        (5, "伍分"),
        (55, "伍角伍分"),
        (1_010, "壹拾元壹角"),
        (102_650, "壹仟零贰拾陆元伍角"),
        (86_000, "捌佰陆拾元整"),
        (3_213, "叁拾贰元壹角叁分"),
        // 角 zero, 分 not: 零 after 元.
        (10_005, "壹佰元零伍分"),
        (100_000_005, "壹佰万元零伍分"),
        (101, "壹元零壹分"),
        // Zeros in the middle: one 零 for a run.
        (100_100, "壹仟零壹元整"),
        (1_000_100, "壹万零壹元整"),
        (1_010_000, "壹万零壹佰元整"),
        (10_010_000, "壹拾万零壹佰元整"),
        (1_002_003_00, "壹佰万贰仟零叁元整"),
        // A run ending at 万 or 元 before a 仟 or 角: no 零 (the rules allow either way).
        (10_000_000_00 + 2_000_00, "壹仟万贰仟元整"),
        (10_700_053, "壹拾万柒仟元伍角叁分"),
        (168_032, "壹仟陆佰捌拾元叁角贰分"),
        (10_001_000_00, "壹仟万壹仟元整"),
        // 万 and 亿.
        (1_000_000, "壹万元整"),
        (100_000_000, "壹佰万元整"),
        (10_000_000_000, "壹亿元整"),
        (10_000_100_000, "壹亿壹仟元整"),
        (10_000_100_000 - 99_000, "壹亿零壹拾元整"),
        (10_001_000_000, "壹亿零壹万元整"),
        (10_100_000_000, "壹亿零壹佰万元整"),
        (11_000_000_000, "壹亿壹仟万元整"),
        (101_000_000_000, "壹拾亿壹仟万元整"),
        (20_300_000_000_00, "贰佰零叁亿元整"),
        (12_345_678_901, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分"),
        (999_999_999_999, "玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        // Beyond 万亿: the 亿's own 万.
        (100_000_000_000_000, "壹万亿元整"),
        (200_030_000_000_000, "贰万零叁亿元整"),
    ])
    func amount(fen: Int, words: String) {
        #expect(CapitalAmount.words(Money(fen: fen)) == words, "\(Money(fen: fen).grouped)")
    }

    @Test func aRefundIsWrittenNegative() {
        #expect(CapitalAmount.words(Money(fen: -10_050)) == "负壹佰元伍角")
    }

    /// Every amount written back into figures by reading the words gives the amount again: the words
    /// say no more and no less than the figures, for every fen up to 1,000.00, every 99.73 yuan up to 4 million and round numbers beyond.
    @Test func theWordsReadBackAsTheAmount() {
        var amounts = Array(0...100_000) + Array(stride(from: 100_000, to: 400_000_000, by: 9_973))
        for exponent in 6...15 {
            var power = 1
            for _ in 0..<exponent { power *= 10 }
            amounts += [power, power + 1, power + 100, power + 100_000, power * 3 + 70_000, power - 1]
        }
        for fen in amounts {
            let words = CapitalAmount.words(Money(fen: fen))
            #expect(Self.readBack(words) == fen, "\(fen): \(words)")
        }
    }

    /// The value of capital numerals, read the way a person reads them: a digit waits for its place
    /// (拾佰仟), 万 and 亿 multiply what came before them in their section.
    static func readBack(_ words: String) -> Int? {
        let digits: [Character: Int] = ["零": 0, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9]
        let places: [Character: Int] = ["拾": 10, "佰": 100, "仟": 1_000]
        var yuan = 0, yi = 0, wan = 0, section = 0, digit = 0
        var fen = 0
        var text = Substring(words)
        if text.hasSuffix("整") { text = text.dropLast() }
        let parts = text.split(separator: "元", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let yuanText = parts.count == 2 ? parts[0] : ""
        let smallText = parts.count == 2 ? parts[1] : parts[0]
        for character in yuanText {
            if let value = digits[character] {
                digit = value
            } else if let place = places[character] {
                section += digit * place
                digit = 0
            } else if character == "万" {
                wan += (section + digit) * 10_000
                section = 0
                digit = 0
            } else if character == "亿" {
                yi = (yi + wan + section + digit) * 100_000_000
                wan = 0
                section = 0
                digit = 0
            } else {
                return nil
            }
        }
        yuan = yi + wan + section + digit
        var pending = 0
        for character in smallText {
            if let value = digits[character] {
                pending = value
            } else if character == "角" {
                fen += pending * 10
                pending = 0
            } else if character == "分" {
                fen += pending
                pending = 0
            } else {
                return nil
            }
        }
        return yuan * 100 + fen
    }
}
