#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)` into a buffer, again when a signal interrupts it: the byte count (0 at the end of the
/// file), or -1 with `errno` set. The streaming readers of whole files (dBase tables, the SHA-256 of
/// the manifest) share it.
public func readRetrying(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    while true {
        #if canImport(Glibc)
        let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
        #else
        let count = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
        #endif
        if count >= 0 || errno != EINTR { return count }
    }
}
