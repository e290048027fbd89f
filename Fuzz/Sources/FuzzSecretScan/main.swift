import FuzzDriver

runFuzzer(fuzzSecretScan)
