/// What `thidua --version` prints. The version is the VERSION file's (scripts/package
/// refuses to build when the two differ); the commit is written by scripts/package into
/// its own copy of the sources, so a build from a checkout says none.
enum BuildInfo {
  static let version = "0.1.0"
  static let commit: String? = nil
}
