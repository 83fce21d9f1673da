// TEMPORARY STUB (replaced by the dbase branch's TextEncoding.swift)
public enum TextEncoding: Sendable, Equatable {
    case utf8, windows1250
    public func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        switch self {
        case .utf8: return String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
        case .windows1250: return String(decoding: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
        }
    }
}
