// podium-fuzz TARGET [libFuzzer options] [corpus folders or files]
//
// Built by scripts/fuzz with -sanitize=fuzzer,address and -DFUZZING, it hands TARGET (one of
// Podium's FuzzTarget cases) to libFuzzer. SwiftPM links this file's top-level code as the program's
// `main`, which wins over libFuzzer's own, so the driver is started from here. Without -DFUZZING
// (a plain `swift build`) it runs each file given once through TARGET: a reproducer without the
// sanitizers, e.g. under a debugger.
import Foundation
import Podium

/// The target also travels in the environment, so that the processes libFuzzer starts itself
/// (`-fork`, `-jobs`, `-minimize_crash`) with the same arguments run the same target.
let environmentKey = "PODIUM_FUZZ_TARGET"

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("podium-fuzz: \(message)\n".utf8))
    exit(status)
}

/// The target named by the first argument (which is then removed) or by the environment.
func chooseTarget(_ arguments: inout [String]) -> FuzzTarget {
    if arguments.count > 1, let target = FuzzTarget(rawValue: arguments[1]) {
        arguments.remove(at: 1)
        setenv(environmentKey, target.rawValue, 1)
        return target
    }
    if let name = ProcessInfo.processInfo.environment[environmentKey], let target = FuzzTarget(rawValue: name) {
        return target
    }
    fail("usage: podium-fuzz TARGET [libFuzzer options] [corpus…] (or \(environmentKey)=TARGET); targets: "
         + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "), status: 64)
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Read by the callback, which as a C function pointer can capture nothing; set once, before the
/// driver starts.
nonisolated(unsafe) var selected = FuzzTarget.csv

func fuzz(_ target: FuzzTarget, arguments: [String]) -> Never {
    selected = target
    var argc = CInt(arguments.count)
    var cArguments = arguments.map { strdup($0) } + [nil]   // libFuzzer keeps them: never freed
    let status = cArguments.withUnsafeMutableBufferPointer { buffer in
        var argv = buffer.baseAddress
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            selected.run(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
    }
    exit(status)
}
#else
func replay(_ target: FuzzTarget, files: [String]) {
    for path in files where !path.hasPrefix("-") {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)", status: 66) }
        print("\(target.rawValue): \(path) (\(data.count) bytes)")
        data.withUnsafeBytes { target.run($0) }
    }
}
#endif

var arguments = CommandLine.arguments
if arguments.dropFirst().first == "--list" {
    print(FuzzTarget.allCases.map(\.rawValue).joined(separator: "\n"))
    exit(0)
}
let target = chooseTarget(&arguments)
#if FUZZING
fuzz(target, arguments: arguments)
#else
replay(target, files: Array(arguments.dropFirst()))
#endif
