import FuzzDriver

runFuzzer(fuzzWasmSection)
