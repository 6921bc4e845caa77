import CHaru
/// The libharu version this build links, e.g. "2.3.0".
public enum PDFLibrary { public static var version: String { String(cString: HPDF_GetVersion()) } }
