import Foundation
import Testing
@testable import WorkshopModel

/// The zone's offsets are remembered per stretch between transitions: what the shop reads must be
/// what the zone's rules say, in zones with daylight saving and in zones that changed their
/// standard offset (Pyongyang 2015 and 2018, Moscow 2011 and 2014), asked in any order.
@Suite("Shop zone offsets")
struct ShopZoneTests {
    @Test(arguments: ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Pyongyang", "Europe/Moscow", "Australia/Lord_Howe"])
    func rememberedOffsetIsTheZonesOffset(identifier: String) throws {
        let zone = try ShopZone(identifier: identifier)
        let rules = TimeZone(identifier: identifier)!
        var generator = SystemRandomNumberGenerator()
        // 1980 to 2040, random order, then a sweep hour by hour across two years of transitions.
        let random = (0..<4_000).map { _ in Int.random(in: 315_532_800..<2_208_988_800, using: &generator) }
        let sweep = stride(from: 1_420_070_400, to: 1_546_300_800, by: 3_600).map { $0 }
        for seconds in random + sweep + sweep.reversed() {
            let expected = rules.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(zone.offset(at: Timestamp(seconds: seconds)) == expected, "\(identifier) at \(seconds)")
        }
    }

    @Test func shanghaiDayAcrossTheSwitchFromEarlierRules() {
        // 1991's last daylight saving in China, then today's fixed UTC+8.
        let zone = ShopZone.shanghai
        #expect(zone.offset(at: Timestamp(seconds: 684_000_000)) == 9 * 3_600)  // 1991-09-05: summer time
        #expect(zone.offset(at: Timestamp(seconds: 1_795_000_000)) == 8 * 3_600)
        #expect(zone.offset(at: Timestamp(seconds: 684_000_000)) == 9 * 3_600)
    }
}
