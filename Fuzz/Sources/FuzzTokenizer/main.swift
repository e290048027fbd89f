import FuzzDriver

runFuzzer(fuzzTokenizer)
