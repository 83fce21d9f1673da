import Foundation
import Podium

/// A progress line on standard error for long reads, shown only when standard error is a terminal
/// (so logs and CI output stay clean), updated at most once per percent.
enum ProgressLine {
    nonisolated(unsafe) private static var shown = -1
    nonisolated(unsafe) private static var shownFile = ""

    static func make() -> SourceRequest.Progress? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { file, fraction in
            let percent = Int(fraction * 100)
            guard percent != shown || file != shownFile else { return }
            shown = percent
            shownFile = file
            // "\e[K" clears what a longer line before it left on the terminal.
            FileHandle.standardError.write(Data("\rpodium: reading \(file): \(percent)%\u{1B}[K".utf8))
        }
    }

    static func finish() {
        guard shown >= 0 else { return }
        shown = -1
        shownFile = ""
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
