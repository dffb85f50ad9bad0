import ArgumentParser
import BevaraAccess
import Foundation

/// Exit codes: 0 success, 1 the input has errors (preflight failed, package refused),
/// 2 Bevara could not do its job (unreadable input, I/O failure, bad configuration).
enum CLIError: Error, CustomStringConvertible {
    case failure(String)

    var description: String {
        switch self {
        case .failure(let message): return message
        }
    }
}

enum Output {
    /// Writes a line to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(("bevara: " + message + "\n").data(using: .utf8)!)
    }

    /// Writes `data` (already-encoded JSON) to standard output with a final newline.
    static func json(_ data: Data) {
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write("\n".data(using: .utf8)!)
    }

    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        json(try encoder.encode(value))
    }

    static func text(_ s: String) {
        FileHandle.standardOutput.write(s.data(using: .utf8)!)
    }

    /// Runs `body`, turning Bevara's own errors into a message naming the file and exit code 2.
    static func guarding(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as ExitCode {
            throw e
        } catch let e as ValidationError {
            throw e
        } catch let e as CleanExit {
            throw e
        } catch let e as AccessError {
            // Refused or not found: the request was wrong, Bevara worked.
            Output.error("\(e)")
            throw ExitCode(1)
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }
}
