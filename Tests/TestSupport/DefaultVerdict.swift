public import LeakScanCore

extension ArtifactReport {
    /// The verdict under the default policy, for tests (the model itself never calls up into assessment).
    public var verdict: Verdict { ArtifactAssessment(self).verdict }
}
