#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an input's text is encoded: UTF-8, or Windows-1250, the code page in which Polish public
/// bodies' dBase tables (and many of their CSV exports) are saved.
public enum TextEncoding: Sendable {
    case utf8
    case windows1250

    /// The name messages use.
    public var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .windows1250: "Windows-1250"
        }
    }

    /// The bytes as text, or nil when they are not valid in this encoding: invalid UTF-8, or one of
    /// the five bytes Windows-1250 leaves undefined (0x81, 0x83, 0x88, 0x90, 0x98).
    public func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        switch self {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .windows1250:
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            let scalars = windows1250Scalars
            if bytes.contains(where: { scalars[Int($0)] == nil }) { return nil }
            // Every Windows-1250 character takes at most three bytes in UTF-8.
            return String(unsafeUninitializedCapacity: bytes.count * 3) { text in
                var count = 0
                for byte in bytes {
                    UTF8.encode(scalars[Int(byte)]!) { unit in
                        text[count] = unit
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// Where the first byte sequence that is not valid in this encoding starts and ends in `bytes`,
    /// for messages; nil when `decode` would succeed.
    public func invalidBytes(in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        switch self {
        case .utf8:
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded): offset += encoded.count
                case .error(let length): return offset..<(offset + length)
                case .emptyInput: return nil
                }
            }
        case .windows1250:
            let scalars = windows1250Scalars
            guard let offset = bytes.firstIndex(where: { scalars[Int($0)] == nil }) else { return nil }
            return offset..<(offset + 1)
        }
    }
}

/// What each Windows-1250 byte stands for, nil for the five it leaves undefined. Asked of the C
/// library's iconv once, on first use (a global is initialised once, safely across threads), rather
/// than written out here: a hand-copied code page is a place for a wrong letter to hide.
private let windows1250Scalars: [Unicode.Scalar?] = {
    guard let converter = iconv_open("UTF-8", "WINDOWS-1250"), Int(bitPattern: converter) != -1 else {
        fatalError("iconv cannot convert from WINDOWS-1250 on this system (are glibc's gconv modules installed?)")
    }
    defer { iconv_close(converter) }
    return (0..<256).map { byte -> Unicode.Scalar? in
        if byte < 0x80 { return Unicode.Scalar(UInt8(byte)) }
        var input = [CChar(bitPattern: UInt8(byte))]
        var output = [CChar](repeating: 0, count: 8)
        let written: Int? = input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                var inPointer = input.baseAddress
                var inLeft = 1
                var outPointer = output.baseAddress
                var outLeft = output.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 ? nil : output.count - outLeft
            }
        }
        guard let written else { return nil }
        let text = String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard text.unicodeScalars.count == 1 else { return nil }
        return text.unicodeScalars.first
    }
}()
