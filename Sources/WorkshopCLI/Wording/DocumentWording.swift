import HaruPDF
import JobCards
import WorkshopModel

/// Writing a document: where to, with what, and what an order does not have yet.
enum DocumentRefusal: Refusal {
    static let area = "document"

    /// `out=` must end in the document's extension (Workshop never writes over other kinds of file).
    case wrongExtension(out: String, expected: String)
    case folderMissing(out: String, folder: String)
    /// No Templates folder holding `template` was found.
    case noTemplates(template: String)
    case template(folder: String, detail: String)
    case pdfFontMissing(font: String)
    case pdfFailed(path: String, detail: String)
    /// `print day jobcards` for a day without check-ins.
    case nothingCheckedIn(day: String)
    /// The day batch is one PDF.
    case dayBatchIsPDF
    case bookingVehicleMissing(appointment: String)

    static func pdf(path: String, error: PDFError) -> DocumentRefusal {
        if case .fontMissing(let font) = error { return .pdfFontMissing(font: font) }
        return .pdfFailed(path: path, detail: error.description)
    }
}

extension DocumentRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .wrongExtension(let out, let expected):
            return w("out=\(out)：文件名须以 .\(expected) 结尾（不会覆盖其他类型的文件）",
                     "out=\(out): the file name must end in .\(expected) (Workshop never writes over other kinds of file)")
        case .folderMissing(let out, let folder):
            return w("out=\(out)：文件夹 \(folder) 不存在", "out=\(out): the folder \(folder) does not exist")
        case .noTemplates(let template):
            return w("找不到 HTML 模板（Templates 文件夹，内有 \(template) 等）：请用 make install 安装，或把 WORKSHOP_TEMPLATES 设为该文件夹",
                     "no HTML templates found (the Templates folder, with \(template) and the others): install them with make install, or set WORKSHOP_TEMPLATES to that folder")
        case .template(let folder, let detail):
            return w("模板有误：\(folder)/\(detail)", "template error in \(folder)/\(detail)")
        case .pdfFontMissing(let font):
            return w("没有安装中文字体 \(font)：请运行 make setup（Debian 软件包 fonts-wqy-zenhei）",
                     "the Chinese font \(font) is not installed: run make setup (Debian package fonts-wqy-zenhei)")
        case .pdfFailed(let path, let detail):
            return w("无法生成 \(path)（\(detail)）", "could not write \(path): \(detail)")
        case .nothingCheckedIn(let day):
            return w("\(day) 没有进厂的维修单，无需打印", "no order was checked in on \(day): nothing to print")
        case .dayBatchIsPDF:
            return w("当日维修单合成一个 PDF 打印；要网页格式请逐单打印：print RO jobcard format=html",
                     "the day batch prints as one PDF; for HTML print each order: print RO jobcard format=html")
        case .bookingVehicleMissing(let appointment):
            return w("\(appointment) 的车辆或客户已不在数据库中", "\(appointment) refers to a vehicle that is missing")
        }
    }
}

/// A document an order does not have yet: what to do first.
extension DocumentUnavailable: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .noInspection(let order):
            return w("\(order) 还没有检验记录（inspect \(order) pre|process|final …）",
                     "\(order) has no inspection recorded yet (inspect \(order) pre|process|final …)")
        case .noSupplement(let order):
            return w("\(order) 没有追加项目（supplement \(order) add …）", "\(order) has no added work (supplement \(order) add …)")
        case .noCertificate(let order):
            return w("\(order) 没有竣工出厂合格证：竣工检验尚未合格（inspect \(order) final pass by=…）",
                     "\(order) has no completion certificate: its final inspection has not passed (inspect \(order) final pass by=…)")
        case .notReleased(let order):
            return w("\(order) 尚未交车（release \(order) signed=…）", "\(order) is not released yet (release \(order) signed=…)")
        case .noWarranty(let order):
            return w("\(order) 没有质量保证书：修好的车交车时才出具", "\(order) has no warranty certificate: it is issued when a repaired car is released")
        }
    }
}

extension Wording {
    /// A character the PDF font cannot draw, printed as ?.
    func undrawable(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
        return self("“\(Character(scalar))”（\(code)）字体无法显示，已印作 ?", "\(Character(scalar)) (\(code)) cannot be drawn by the font and is printed as ?")
    }
}
