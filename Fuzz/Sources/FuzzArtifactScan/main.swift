import FuzzDriver

runFuzzer(fuzzArtifactScan)
