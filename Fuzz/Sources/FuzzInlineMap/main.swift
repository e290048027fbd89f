import FuzzDriver

runFuzzer(fuzzInlineMap)
