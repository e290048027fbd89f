import FuzzDriver

runFuzzer(fuzzReferenceFinder)
