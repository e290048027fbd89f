import FuzzDriver

runFuzzer(fuzzContainerReaders)
