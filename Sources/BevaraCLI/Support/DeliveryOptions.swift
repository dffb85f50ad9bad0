import ArgumentParser
import BevaraProfiles

/// Options naming the profile and submission agreement, shared by `check` and `package`.
struct DeliveryOptions: ParsableArguments {
    @Option(name: .long, help: "Profile id (a file in profiles/) or a path to a profile YAML. Defaults to the agreement's profile.")
    var profile: String?

    @Option(name: .long, help: "Submission agreement id (profiles/agreements/<id>.yaml).")
    var agreement: String?

    @Option(name: .long, help: "The profiles folder (default: $BEVARA_PROFILES, ./profiles, or the one beside the program).")
    var profiles: String?

    func resolve() throws -> DeliveryConfiguration {
        guard profile != nil || agreement != nil else {
            throw ValidationError("Name a --profile or an --agreement.")
        }
        let library: ProfileLibrary
        if let profiles {
            library = ProfileLibrary(directory: profiles)
        } else if let found = ProfileLibrary.locate() {
            library = found
        } else {
            throw CLIError.failure("cannot find the profiles folder; pass --profiles DIR or set BEVARA_PROFILES")
        }
        return try DeliveryConfiguration(library: library, profile: profile, agreement: agreement)
    }
}
