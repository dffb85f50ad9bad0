import BevaraModel
import Foundation
import Yams

/// Loads profiles and submission agreements from a `profiles/` folder.
public struct ProfileLibrary: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The project's `profiles/` folder: `$BEVARA_PROFILES`, else `profiles` in the current
    /// directory, else beside the executable's package checkout.
    public static func locate() -> ProfileLibrary? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["BEVARA_PROFILES"] { candidates.append(env) }
        candidates.append(FileManager.default.currentDirectoryPath + "/profiles")
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("profiles").path)
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates where FileManager.default.fileExists(atPath: c + "/agreements") {
            return ProfileLibrary(directory: c)
        }
        return nil
    }

    /// Loads `<directory>/<id>.yaml`, or a profile given by path.
    public func profile(_ idOrPath: String) throws -> Profile {
        let path = idOrPath.hasSuffix(".yaml") || idOrPath.contains("/") ? idOrPath : "\(directory)/\(idOrPath).yaml"
        return try Self.decode(Profile.self, from: path)
    }

    public func profileIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The parties and agreements in `<directory>/agreements/`.
    public func agreements() throws -> AgreementRegistry {
        try AgreementRegistry(directory: directory + "/agreements")
    }

    static func decode<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError.unreadable(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProfileError.invalid(path: path, reason: "not UTF-8")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            throw ProfileError.invalid(path: path, reason: Self.describe(error))
        } catch {
            throw ProfileError.invalid(path: path, reason: "\(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ ctx: DecodingError.Context) -> String {
            ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "missing key '\(key.stringValue)' at '\(path(ctx))'"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            return "\(ctx.debugDescription) at '\(path(ctx))'"
        @unknown default: return "\(error)"
        }
    }
}

public enum ProfileError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String)
    case invalid(path: String, reason: String)
    case unknownAgreement(String)
    case unknownOrganisation(String, agreement: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "\(path): cannot read profile file"
        case .invalid(let path, let reason): return "\(path): invalid: \(reason)"
        case .unknownAgreement(let id): return "no submission agreement with id '\(id)' in profiles/agreements"
        case .unknownOrganisation(let org, let agreement): return "agreement '\(agreement)' names unknown organisation '\(org)'"
        }
    }
}
