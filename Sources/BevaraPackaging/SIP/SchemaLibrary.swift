import Foundation

/// A folder holding the XML schemas every SIP ships in its `schemas/` folder (CSIPSTR15, CSIP113).
///
/// The schemas are publishers' files, not part of the source tree; packages copy them in at
/// packaging time from here.
public struct SchemaLibrary: Sendable, Equatable {
    /// One schema: its file name and the namespace it defines.
    public struct Schema: Sendable, Equatable {
        public let fileName: String
        public let namespace: String
    }

    /// Every schema a Bevara SIP uses, in the order they are listed in the package.
    public static let required: [Schema] = [
        Schema(fileName: "mets.xsd", namespace: Namespace.mets),
        Schema(fileName: "xlink.xsd", namespace: Namespace.xlink),
        Schema(fileName: "DILCISExtensionMETS.xsd", namespace: Namespace.csip),
        Schema(fileName: "DILCISExtensionSIPMETS.xsd", namespace: Namespace.sip),
        Schema(fileName: "premis-v3-0.xsd", namespace: Namespace.premis),
        Schema(fileName: "ERMS_v3.xsd", namespace: Namespace.erms),
    ]

    /// Absolute path of the folder.
    public let directory: String

    /// Accepts `directory` only if every required schema is a regular file in it.
    public init(directory: String) throws {
        let absolute = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        let standardized = (absolute as NSString).standardizingPath
        var isDir: ObjCBool = false
        let missing = Self.required.map(\.fileName).filter { name in
            !(FileManager.default.fileExists(atPath: standardized + "/" + name, isDirectory: &isDir) && !isDir.boolValue)
        }
        guard missing.isEmpty else { throw SIPError.schemaLibraryIncomplete(directory: standardized, missing: missing) }
        self.directory = standardized
    }

    /// Path of one schema file in the library.
    public func path(of schema: Schema) -> String { directory + "/" + schema.fileName }

    /// Finds the library: `$BEVARA_SCHEMAS`, else `../shared/schemas` from the current directory,
    /// else a `shared/schemas` (or installed `share/bevara/schemas`) folder beside any folder
    /// above the executable. Nil when none holds every required schema.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> SchemaLibrary? {
        if let dir = environment["BEVARA_SCHEMAS"], !dir.isEmpty {
            return try? SchemaLibrary(directory: dir)
        }
        var candidates = [FileManager.default.currentDirectoryPath + "/../shared/schemas"]
        if let exe = executablePath() {
            var dir = (exe as NSString).deletingLastPathComponent
            while dir != "/" && !dir.isEmpty {
                candidates.append(dir + "/shared/schemas")
                candidates.append(dir + "/share/bevara/schemas")
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        for candidate in candidates {
            if let library = try? SchemaLibrary(directory: candidate) { return library }
        }
        return nil
    }

    private static func executablePath() -> String? {
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        #endif
        return Bundle.main.executablePath
    }
}
