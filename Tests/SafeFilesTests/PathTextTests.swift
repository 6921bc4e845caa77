import SafeFiles
import Testing

/// Path arithmetic that never traps: Foundation's NSString.deletingLastPathComponent stops the
/// program on a one-character path, which is how `--db a` and `backup a` crashed.
@Suite("Path text")
struct PathTextTests {
    @Test func everyShortPathHasAFolderANameAndAnExtension() {
        let cases: [(path: String, folder: String, name: String)] = [
            ("a", "", "a"), ("a/", "", "a"), (".", "", "."), ("é", "", "é"), ("/", "/", "/"), ("", "", ""),
            ("/a", "/", "a"), ("a/b", "a", "b"), ("a//b/", "a", "b"), ("./a", ".", "a"), ("//a", "/", "a"),
            ("x/y/z.pdf", "x/y", "z.pdf"), ("粤B/单.pdf", "粤B", "单.pdf"),
        ]
        for (path, folder, name) in cases {
            #expect(PathText.folder(of: path) == folder, "folder of \(path)")
            #expect(PathText.name(of: path) == name, "name of \(path)")
        }
        #expect(PathText.folderToOpen(for: "a") == ".")
        #expect(PathText.extension(of: "a") == "" && PathText.extension(of: ".pdf") == "" && PathText.extension(of: "a.") == "")
        #expect(PathText.extension(of: "out/RO1.PDF") == "PDF" && PathText.extension(of: "a.b/c") == "")
        #expect(PathText.join("", "a") == "a" && PathText.join("/", "a") == "/a" && PathText.join("x", "a") == "x/a")
    }

    @Test func aNewPathResolvesThroughTheFoldersThatExist() throws {
        let folder = try Scratch.folder()
        let real = RealPath.of(folder)!
        #expect(RealPath.ofNew(folder + "/new/../other/x") == real + "/other/x")
        #expect(RealPath.isWithin(real + "/Templates/x.html", real + "/Templates"))
        #expect(!RealPath.isWithin(real + "/Templates2", real + "/Templates"))
    }
}
