import CLibCrypto
import PodiumCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 through OpenSSL's libcrypto (its EVP interface; the `SHA256_*` functions are deprecated
/// since OpenSSL 3.0). The only importer of CLibCrypto. Files are hashed as they stream through a
/// 1 MiB buffer, so memory does not grow with the file.
public struct SHA256: ~Copyable {
    private let context: OpaquePointer

    public init() {
        // Only a failed allocation or a libcrypto without SHA-256 makes these fail: no input can.
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto: cannot allocate a digest context") }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { fatalError("libcrypto: no SHA-256") }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        guard EVP_DigestUpdate(context, base, bytes.count) == 1 else { fatalError("libcrypto: SHA-256 update failed") }
    }

    /// The digest, as 64 lower-case hexadecimal digits (as `sha256sum` prints it).
    public consuming func finish() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else { fatalError("libcrypto: SHA-256 final failed") }
        return Self.hex(digest)
    }

    /// The SHA-256 of some bytes (a report file, as written).
    public static func hex(of bytes: [UInt8]) -> String {
        var hash = SHA256()
        bytes.withUnsafeBytes { hash.update($0) }
        return hash.finish()
    }

    /// The SHA-256 of a text, as written: UTF-8.
    public static func hex(of text: String) -> String {
        var hash = SHA256()
        var text = text
        text.withUTF8 { hash.update(UnsafeRawBufferPointer($0)) }
        return hash.finish()
    }

    /// The size and SHA-256 of a file, read in 1 MiB pieces.
    public static func file(_ path: String) throws(AuditError) -> FileDigest {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw AuditError.unreadable(path: path, code: errno) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var hash = SHA256()
        var bytes = 0
        while true {
            let count = readRetrying(descriptor, into: buffer)
            if count == 0 { break }
            if count < 0 { throw AuditError.unreadable(path: path, code: errno) }
            hash.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            bytes += count
        }
        return FileDigest(bytes: bytes, sha256: hash.finish())
    }

    private static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// The digest of a file computed from its bytes as a reader passes them on (`CSVReader.read`'s
/// `observe`), so that the file is not read a second time to be hashed.
final class StreamingDigest {
    private var hash: SHA256? = SHA256()
    private(set) var bytes = 0

    func update(_ bytes: UnsafeRawBufferPointer) {
        hash!.update(bytes)
        self.bytes += bytes.count
    }

    /// The digest of every byte passed, once.
    func finish() -> FileDigest {
        FileDigest(bytes: bytes, sha256: hash.take()!.finish())
    }
}

/// A file's size in bytes and its SHA-256 (hexadecimal).
public struct FileDigest: Sendable, Equatable {
    public let bytes: Int
    public let sha256: String
}
