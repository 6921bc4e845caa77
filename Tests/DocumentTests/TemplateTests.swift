import Testing
@testable import Templating

@Suite("Template language")
struct TemplateTests {
    func render(_ source: String, _ data: TemplateValue, partials: [String: String] = [:]) throws -> String {
        let directory = NSTemporaryDirectory() + "templates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try source.write(toFile: directory + "/main.html", atomically: true, encoding: .utf8)
        for (name, text) in partials { try text.write(toFile: directory + "/_\(name).html", atomically: true, encoding: .utf8) }
        return try TemplateLibrary(directory: directory).render("main", data)
    }

    @Test func valuesAreEscapedUnlessTriple() throws {
        let data: TemplateValue = .object(["name": "<b>张伟 & 李娜</b>"])
        #expect(try render("{{name}}", data) == "&lt;b&gt;张伟 &amp; 李娜&lt;/b&gt;")
        #expect(try render("{{{name}}}", data) == "<b>张伟 & 李娜</b>")
        #expect(try render("{{& name}}", data) == "<b>张伟 & 李娜</b>")
    }

    @Test func sectionsLoopTestAndInvert() throws {
        let data: TemplateValue = .object([
            "lines": .list([.object(["n": "1"]), .object(["n": "2"])]), "none": .list([]),
            "yes": true, "no": false, "shop": .object(["name": "顺达"]), "missing": .null,
        ])
        #expect(try render("{{#lines}}[{{n}}]{{/lines}}", data) == "[1][2]")
        #expect(try render("{{#none}}x{{/none}}{{^none}}empty{{/none}}", data) == "empty")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}", data) == "Y!N")
        #expect(try render("{{shop.name}}{{#shop}}/{{name}}{{/shop}}", data) == "顺达/顺达")
        #expect(try render("a{{missing}}b{{^missing}}-{{/missing}}", data) == "ab-")
        #expect(try render("{{#lines}}{{#yes}}{{n}}{{/yes}}{{/lines}}", data) == "12", "outer names stay visible")
        #expect(try render("{{! a comment }}x", data) == "x")
    }

    @Test func partialsComeFromTheSameFolder() throws {
        let data: TemplateValue = .object(["title": "维修单"])
        #expect(try render("<h1>{{> head}}</h1>", data, partials: ["head": "{{title}}"]) == "<h1>维修单</h1>")
    }

    @Test func errorsNameTemplateLineAndColumn() throws {
        let data: TemplateValue = .object(["name": "x"])
        #expect(throws: TemplateError.self) { try render("ok\n  {{nmae}}", data) }
        do {
            _ = try render("ok\n  {{nmae}}", data)
        } catch let error as TemplateError {
            #expect(error.description == "main.html:2:3: unknown name 'nmae'")
        }
        do {
            _ = try render("{{#name}}open", data)
        } catch let error as TemplateError {
            #expect(error.description.contains("main.html:1:1"))
            #expect(error.description.contains("never closed"))
        }
        do {
            _ = try render("{{#a}}{{/b}}", .object(["a": true, "b": true]))
        } catch let error as TemplateError {
            #expect(error.description.contains("closes {{#a}}"))
        }
        do {
            _ = try render("x\n{{> nowhere}}", data)
        } catch let error as TemplateError {
            #expect(error.description.hasPrefix("main.html:2:1"))
            #expect(error.description.contains("no template nowhere"))
        }
        #expect(throws: TemplateError.self) { try render("{{name", data) }
    }
}

import Foundation
