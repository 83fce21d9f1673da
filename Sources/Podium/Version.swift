/// podium's version: what `podium --version` prints and what a manifest records.
public enum PodiumVersion {
    public static let current = "0.1.0"
}
