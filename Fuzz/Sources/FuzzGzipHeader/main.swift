import FuzzDriver

runFuzzer(fuzzGzipHeader)
