import Foundation
import Testing
@testable import WorkshopCLI

/// Where an installed or copied program finds its HTML templates.
@Suite("Finding the templates")
struct TemplateFindingTests {
    /// `make install`'s layout: PREFIX/bin/workshop and PREFIX/share/workshop/Templates.
    @Test func anInstalledProgramFindsTheTemplatesItWasInstalledWith() throws {
        let prefix = Workshop.temporaryDirectory()
        let templates = prefix + "/share/workshop/Templates"
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: prefix + "/bin/workshop", contents: Data())
        let elsewhere = Workshop.temporaryDirectory()
        #expect(App.findTemplates(environment: [:], executable: prefix + "/bin/workshop", workingDirectory: elsewhere) == nil
                    || App.systemTemplateFolders.contains(App.findTemplates(environment: [:], executable: prefix + "/bin/workshop",
                                                                            workingDirectory: elsewhere) ?? ""),
                "no templates installed yet")
        FileManager.default.createFile(atPath: templates + "/jobcard.html", contents: Data("<html>".utf8))
        let found = App.findTemplates(environment: [:], executable: prefix + "/bin/workshop", workingDirectory: elsewhere)
        #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == URL(fileURLWithPath: templates).resolvingSymlinksInPath().path)
        #expect(App.findTemplates(environment: ["WORKSHOP_TEMPLATES": "/srv/t"], executable: prefix + "/bin/workshop") == "/srv/t")
    }
}
