import SafeFiles
import WorkshopModel

/// A file Workshop would not write, or could not: nothing was written where the real file goes.
extension FileRefusal: WordedRefusal {
    public static let area = "file"

    func words(_ w: Wording) -> String {
        switch self {
        case .symbolicLink(let path):
            return w("\(path) 是符号链接：Workshop 不会通过链接写入（那会改写它指向的文件）；请写实际的文件路径（未写入任何内容）",
                     "\(path) is a symbolic link: Workshop never writes through one (that would overwrite whatever it points to); give the real file's path (nothing was written)")
        case .hardLinked(let path, let links):
            return w("\(path) 有 \(links) 个名字（硬链接）：写它会同时改动其他名字下的同一个文件；请换一个文件名（未写入任何内容）",
                     "\(path) has \(links) names (hard links): writing it would change the same file under its other names; choose another file name (nothing was written)")
        case .database(let path):
            return w("\(path) 是一个 SQLite 数据库：Workshop 不会覆盖数据库；请换一个文件名（未写入任何内容）",
                     "\(path) is an SQLite database: Workshop never writes over a database; choose another file name (nothing was written)")
        case .folder(let path):
            return w("\(path) 是文件夹：请写文件名", "\(path) is a folder: give a file name")
        case .notARegularFile(let path):
            return w("\(path) 不是普通文件（设备、管道或套接字）：请换一个文件名", "\(path) is not a regular file (a device, pipe or socket): choose another file name")
        case .noFolder(let folder):
            return w("文件夹 \(folder) 不存在", "the folder \(folder) does not exist")
        case .cannotCreateFolder(let folder, let reason):
            return w("无法创建文件夹 \(folder)：\(reason)", "could not create the folder \(folder): \(reason)")
        case .cannotWrite(let path, let reason):
            return w("无法写入 \(path)：\(reason)（原有文件未改动）", "could not write \(path): \(reason) (any file already there is unchanged)")
        case .inUse(let path, let seconds):
            return w("\(path) 正被另一个程序使用（已锁定），等了 \(seconds) 秒仍未释放：请关闭那个程序后重试，或换一个文件名（未写入任何内容）",
                     "\(path) is in use by another program (locked) and was not released within \(seconds) s: close that program and try again, or choose another file name (nothing was written)")
        }
    }
}
