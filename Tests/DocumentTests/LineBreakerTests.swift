import Testing
@testable import HaruPDF

/// Where lines may break: hand-made cases of Chinese and Latin text, numbers, plates and markers.
@Suite("Line breaking")
struct LineBreakerTests {
    func pieces(_ text: String) -> [String] { LineBreaker.pieces(Substring(text)).map(String.init) }

    @Test func chineseBreaksBetweenCharactersButNotBeforeClosingPunctuation() {
        #expect(pieces("刹车，异响。") == ["刹", "车，", "异", "响。"])
        #expect(pieces("前刹车片（套）2") == ["前", "刹", "车", "片", "（套）", "2"])
        #expect(pieces("检查、调整；试车！") == ["检", "查、", "调", "整；", "试", "车！"])
        #expect(pieces("他说“好的”。") == ["他", "说", "“好", "的”。"])
        #expect(pieces("「制动」『路试』") == ["「制", "动」", "『路", "试』"])
    }

    @Test func anOpeningBracketStaysWithWhatFollows() {
        #expect(pieces("外加工（光盘）") == ["外", "加", "工", "（光", "盘）"])
        #expect(pieces("《规定》") == ["《规", "定》"])
        #expect(pieces("Hours (h)") == ["Hours ", "(h)"])
    }

    @Test func latinBreaksAtSpacesOnly() {
        #expect(pieces("front brake pads") == ["front ", "brake ", "pads"])
        #expect(pieces("Customer-supplied parts, and aftermarket") == ["Customer-supplied ", "parts, ", "and ", "aftermarket"])
        #expect(pieces("工时/数量 Hours/qty") == ["工", "时/", "数", "量 ", "Hours/qty"])
    }

    @Test func numbersAmountsPartNumbersAndVINsAreWhole() {
        #expect(pieces("¥12,345.67") == ["¥12,345.67"])
        #expect(pieces("38810-5A2-A000") == ["38810-5A2-A000"])
        #expect(pieces("LFV2A21K8C3070455") == ["LFV2A21K8C3070455"])
        #expect(pieces("更换ABS泵") == ["更", "换", "ABS", "泵"])
        #expect(pieces("约10cm") == ["约", "10cm"])
        #expect(pieces("合计 ¥1,026.50") == ["合", "计 ", "¥1,026.50"])
        #expect(pieces("50%。") == ["50%。"])
        #expect(pieces("￥860.00") == ["￥860.00"])
    }

    @Test func aPlateIsOnePiece() {
        #expect(pieces("京A·12345") == ["京A·12345"])
        #expect(pieces("车牌粤B8K3M2已入场") == ["车", "牌", "粤B8K3M2", "已", "入", "场"])
        #expect(pieces("粤BD12345") == ["粤BD12345"])
        #expect(pieces("粤B1234学") == ["粤B1234学"])
        // Not a plate: a province name before a word.
        #expect(pieces("京ABS") == ["京", "ABS"])
    }

    @Test func aMarkerStaysWithItsWord() {
        #expect(pieces("机油 *") == ["机", "油 *"])
        #expect(pieces("engine oil *") == ["engine ", "oil *"])
        #expect(pieces("* 客户自带") == ["* 客", "户", "自", "带"])
        #expect(pieces("* Customer-supplied parts") == ["* Customer-supplied ", "parts"])
        #expect(pieces("*机油") == ["*机", "油"])
    }

    @Test func spacesStayAtTheEndOfAPieceAndNothingIsLost() {
        for text in ["前刹车片 1", "a  b", "  leading", "（", "）开头", "尾（", "京A·12345 前刹车片（套）*", ""] {
            #expect(pieces(text).joined() == text, "\(text)")
        }
        #expect(pieces("前刹车片 1") == ["前", "刹", "车", "片 ", "1"])
    }
}
