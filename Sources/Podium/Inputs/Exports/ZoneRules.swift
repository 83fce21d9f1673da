import Foundation

/// A time zone's offsets from UTC, read once from the IANA time zone database into a table of
/// transitions, so that a local time is turned into UTC by a binary search instead of a calendar
/// computation per row. The database is the one Foundation's `TimeZone` carries (ICU's copy, built
/// into the Swift toolchain: `databaseVersion`), not the system's `/usr/share/zoneinfo`, so a podium
/// build converts alike on every machine; the manifest records the version.
///
/// Local times outside the table's years (1900 to 2200) are worked out from `TimeZone` itself, by
/// the same rule: slower, and never met in a real export.
///
/// A local time that falls in a spring gap is moved forward by the gap's length; one that falls in
/// the autumn's repeated hour takes the earlier offset (java.time's `ZonedDateTime.of`, Python's
/// `fold=0`): both come to `local − the offset in force before the transition`.
final class ZoneRules: Sendable {
    let identifier: String
    private let zone: TimeZone
    /// Instants (UTC seconds) at which the offset changes, increasing.
    private let transitions: [Int]
    /// `offsets[i]` is in force before `transitions[i]`; the last one after every transition.
    private let offsets: [Int]
    /// `transitions[i] + offsets[i]`: the local time at which the offset before transition i stops.
    private let localEnds: [Int]

    /// The table covers 1900 to 2200, and local times a day inside those ends.
    private static let first = -2_208_988_800, last = 7_258_118_400
    private static let firstLocal = first + 86_400, lastLocal = last - 86_400

    init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
        var transitions: [Int] = [], offsets: [Int] = []
        var instant = Date(timeIntervalSince1970: TimeInterval(Self.first))
        var offset = zone.secondsFromGMT(for: instant)
        while let next = zone.nextDaylightSavingTimeTransition(after: instant), next.timeIntervalSince1970 < TimeInterval(Self.last) {
            let after = zone.secondsFromGMT(for: next)
            if after != offset {   // a change of name alone (CEST → CEMT) moves no clock
                transitions.append(Int(next.timeIntervalSince1970.rounded(.down)))
                offsets.append(offset)
            }
            offset = after
            instant = next
        }
        offsets.append(offset)
        self.transitions = transitions
        self.offsets = offsets
        localEnds = zip(transitions, offsets).map { $0 + $1 }
    }

    private init(identifier: String, zone: TimeZone, transitions: [Int], offsets: [Int], localEnds: [Int]) {
        self.identifier = identifier
        self.zone = zone
        self.transitions = transitions
        self.offsets = offsets
        self.localEnds = localEnds
    }

    /// A copy that shares no storage with these rules, for one reading thread (see `TimePattern.unshared`).
    func unshared() -> ZoneRules {
        ZoneRules(identifier: String(decoding: Array(identifier.utf8), as: UTF8.self), zone: zone, transitions: transitions.map { $0 },
                  offsets: offsets.map { $0 }, localEnds: localEnds.map { $0 })
    }

    /// UTC seconds of a local time given as seconds since 1970-01-01T00:00 local.
    @inline(__always)
    func utc(fromLocal local: Int) -> Int {
        guard local >= Self.firstLocal && local < Self.lastLocal else { return utcOutsideTable(fromLocal: local) }
        // The number of transitions whose "before" stretch ends at or before `local`.
        var low = 0, high = localEnds.count
        while low < high {
            let middle = (low + high) >> 1
            if localEnds[middle] <= local { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return local - offsets[0] }
        let after = offsets[low]
        // In a gap (the clock jumped past `local`): the offset before the jump, i.e. moved forward.
        if local < transitions[low - 1] + after { return local - offsets[low - 1] }
        return local - after
    }

    /// The same rule as the table's, from `TimeZone`: the offsets a day before and a day after, and
    /// the transition between them when they differ (no zone changes twice within two days).
    private func utcOutsideTable(fromLocal local: Int) -> Int {
        func offset(at instant: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) }
        let before = offset(at: local - 86_400), after = offset(at: local + 86_400)
        guard before != after,
              let next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(local - 86_400 - 1)))
        else { return local - before }
        let transition = Int(next.timeIntervalSince1970.rounded(.down))
        // Before the change, in a gap (moved forward) or in a repeated stretch (the earlier offset): the offset before.
        return local < transition + max(before, after) ? local - before : local - after
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: ZoneRules] = [:]

    /// The rules of an IANA zone, read once per process; nil for a name the database does not know.
    static func named(_ identifier: String) -> ZoneRules? {
        lock.lock()
        defer { lock.unlock() }
        if let rules = cache[identifier] { return rules }
        guard let rules = ZoneRules(identifier: identifier) else { return nil }
        cache[identifier] = rules
        return rules
    }

    /// The IANA time zone database's version (`2025b`): the rules a local time is converted with.
    static var databaseVersion: String { TimeZone.timeZoneDataVersion }

    /// Known zone names closest to `name`, for an error message.
    static func closeMatches(to name: String) -> [String] {
        NameDistance.closest(to: name, among: TimeZone.knownTimeZoneIdentifiers, limit: 3)
    }
}
