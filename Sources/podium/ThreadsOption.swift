import ArgumentParser
import Foundation

/// `--threads N`: how many threads a long read may use. The default is every core the process may
/// run on; `--threads 1` reads everything on one thread (the results are the same, byte for byte).
struct ThreadsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "How many threads to read large inputs with (default: the number of cores). The results are the same with any number.",
        valueName: "n"))
    var threads: Int?

    func validate() throws {
        if let threads, !(1...256).contains(threads) {
            throw ValidationError("--threads must be between 1 and 256, not \(threads)")
        }
    }

    var count: Int { threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
