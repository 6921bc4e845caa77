import Foundation
import Testing

/// `print` through the built binary: the files it writes and what a person reads in them.
@Suite("Printing documents")
struct PrintTests {
    func shop() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script("""
            source \(ReceptionTests.fixture)
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响" key=K07 docs=行驶证
            belongings RO1 add 备胎 脚垫x4
            diagnose RO1 "前刹车片磨损" fee=50
            estimate RO1 labor BRK-01
            estimate RO1 part 5QD698151 qty=1
            estimate RO1 part 机油 qty=4 class=customer
            promise RO1 2026-11-23 17:00
            approve RO1 signed=张伟
            checkin 粤BD12345 odometer=100 battery=90 complaint="异响"
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    @Test func printWritesTheJobCardBesideTheDatabaseAndSaysWhere() throws {
        let shop = try shop()
        let result = try shop.command("print RO1 jobcard")
        #expect(result.status == 0, "\(result.stderr)")
        let folder = (shop.database as NSString).deletingLastPathComponent + "/documents"
        let path = folder + "/RO1-jobcard.pdf"
        #expect(result.stdout.contains(path))
        let text = try Self.pdfText(path)
        for expected in ["进厂维修单", "RO1", "京A·12345", "更换前刹车片", "前刹车片（套）", "客户自带", "¥614.00", "张伟",
                         "不作担保"] {
            #expect(text.contains(expected), "the job card lacks \(expected)")
        }
    }

    @Test func checklistAndEstimateAndHTML() throws {
        let shop = try shop()
        let directory = Workshop.temporaryDirectory()
        #expect(try shop.command("print 京A12345 checklist out=\(directory)").status == 0)
        let checklist = try Self.pdfText(directory + "/RO1-checklist.pdf")
        for expected in ["随车物品清单", "备胎", "脚垫", "K07", "行驶证"] { #expect(checklist.contains(expected)) }
        #expect(try shop.command("print RO2 estimate out=\(directory)/e.pdf").status == 0)
        #expect(try Self.pdfText(directory + "/e.pdf").contains("诊断书"))
        let html = try shop.command("print RO1 jobcard format=html out=\(directory)/jobcard.html")
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: directory + "/jobcard.html", encoding: .utf8)
        #expect(page.contains("<!DOCTYPE html>") && page.contains("进厂维修单") && page.contains("¥614.00"))
    }

    @Test func aDeclinedEstimatePrintsWithItsFee() throws {
        let shop = try shop()
        #expect(try shop.command("diagnose RO2 \"前刹车片磨损\" fee=80").status == 0)
        #expect(try shop.command("decline RO2").status == 0)
        let directory = Workshop.temporaryDirectory()
        #expect(try shop.command("print RO2 estimate out=\(directory)").status == 0)
        let text = try Self.pdfText(directory + "/RO2-estimate.pdf")
        #expect(text.contains("客户拒修"))
        #expect(text.contains("¥80.00"))
    }

    @Test func theDayBatchPutsEveryCheckInOfTheDayInOnePDF() throws {
        let shop = try shop()
        let directory = Workshop.temporaryDirectory()
        let result = try shop.command("print day jobcards 2026-11-22 out=\(directory)", json: true)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(report?["documents"] as? Int == 2)
        #expect(report?["pages"] as? Int == 2)
        let text = try Self.pdfText(directory + "/day-2026-11-22-jobcards.pdf")
        #expect(text.contains("RO1") && text.contains("RO2"))
        // Titled as the batch, the shop its author, made at the session's time in the shop's zone.
        let info = try Self.run("/usr/bin/pdfinfo", ["-rawdates", directory + "/day-2026-11-22-jobcards.pdf"]).output
        #expect(info.contains("2026-11-22 进厂维修单（2 份）"), "\(info)")
        #expect(info.contains("Author:          顺达汽修"), "\(info)")
        #expect(info.contains("D:20261122090000+08'00'"), "\(info)")
        let none = try shop.command("print day jobcards 2026-11-20")
        #expect(none.status == 1)
        #expect(none.stderr.contains("no order was checked in on 2026-11-20"))
    }

    @Test func badPrintRequestsAreRefused() throws {
        let shop = try shop()
        let cases = [
            ("print RO1 poster", "'poster' is not accepted"),
            ("print RO1 certificate", "its final inspection has not passed"),
            ("print RO1 jobcard format=doc", "format=doc is not accepted"),
            ("print RO1 jobcard out=/no/such/folder/x.pdf", "the folder /no/such/folder does not exist"),
            ("print RO9 jobcard", "no order RO9"),
        ]
        for (command, says) in cases {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains(says), "\(command): \(result.stderr)")
        }
    }

    @Test func anEditedTemplateIsUsedWithoutRebuildingAndItsErrorsSayWhere() throws {
        let shop = try shop()
        let templates = Workshop.temporaryDirectory()
        for file in try FileManager.default.contentsOfDirectory(atPath: Workshop.packageRoot + "/Templates") {
            try FileManager.default.copyItem(atPath: Workshop.packageRoot + "/Templates/" + file, toPath: templates + "/" + file)
        }
        try "<p>本店自定义：{{reference}} {{shop.name}}</p>".write(toFile: templates + "/jobcard.html", atomically: true, encoding: .utf8)
        var custom = shop
        custom.environment["WORKSHOP_TEMPLATES"] = templates
        let out = Workshop.temporaryDirectory() + "/j.html"
        #expect(try custom.command("print RO1 jobcard format=html out=\(out)").status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "<p>本店自定义：RO1 顺达汽修</p>")
        try "<p>\n{{shop.nmae}}</p>".write(toFile: templates + "/jobcard.html", atomically: true, encoding: .utf8)
        let broken = try custom.command("print RO1 jobcard format=html out=\(out)")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("jobcard.html:2:1"), "\(broken.stderr)")
        #expect(broken.stderr.contains("shop.nmae"))
    }

    /// The text of a PDF as pdftotext reads it; anything poppler says on stderr is a test failure.
    static func pdfText(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let (text, warnings) = try run("/usr/bin/pdftotext", [path, "-"])
        if !warnings.isEmpty { Issue.record("pdftotext warns about \(path): \(warnings)", sourceLocation: sourceLocation) }
        return text
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}
