import PodiumCSV
import Foundation

/// One folder of platform exports named by a methodology (`inputs.exports[]`): one file per
/// account (`<account_id>.csv`) or several (`<account_id>--<label>.csv`), all in one format, their
/// local times in one time zone.
public struct ExportFolder: Sendable {
    /// Relative to the inputs folder.
    public let folder: String
    public let format: ExportFormat
    /// Nil when the format reads no local time and the methodology names no zone.
    let zone: ZoneRules?

    init(folder: String, format: ExportFormat, zone: ZoneRules?) {
        self.folder = folder
        self.format = format
        self.zone = zone
    }

    /// `{folder: …, format: <built-in id or an inline format>, timezone: <IANA name>}`.
    init(_ value: YAMLValue) throws {
        let mapping = try value.mapping(keys: ["folder", "format", "timezone"])
        folder = try mapping.required("folder").string()
        let formatValue = try mapping.required("format")
        if case .scalar = formatValue.node {
            format = try ExportFormats.registry.lookup(formatValue).make(KindParameters(owner: formatValue, mapping: nil, context: ParameterContext()))
        } else {
            format = try ExportFormat(formatValue)
        }
        if let zoneValue = mapping.optional("timezone") {
            let name = try zoneValue.string()
            guard let zone = ZoneRules.named(name) else {
                let close = ZoneRules.closeMatches(to: name)
                throw zoneValue.error("unknown time zone \(quoted(name))"
                    + (close.isEmpty ? "" : "; close matches: \(close.joined(separator: ", "))")
                    + " (IANA names such as Europe/Warsaw, time zone database \(ZoneRules.databaseVersion))")
            }
            self.zone = zone
        } else if format.readsLocalTimes {
            throw value.error("missing required key 'timezone': format \(quoted(format.id)) reads local times (name their IANA time zone, e.g. Europe/Warsaw)")
        } else {
            zone = nil
        }
    }
}

extension KindParameters {
    /// A list of export folders, `[{folder, format, timezone}, …]`.
    func exportFolders(_ name: String) throws -> [ExportFolder] {
        let item = try value(name)
        let items = try item.sequence()
        guard !items.isEmpty else { throw item.error("expected a list of {folder, format, timezone}") }
        return try items.map(ExportFolder.init)
    }
}
