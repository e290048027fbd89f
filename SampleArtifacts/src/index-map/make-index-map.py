"""Concatenates dist/a.js and dist/b.js into dist/all.js with an index map whose sections embed their two maps."""
import json

sections, offset, code = [], 0, []
for name in ["a", "b"]:
    text = open(f"dist/{name}.js").read().replace(f"//# sourceMappingURL={name}.js.map\n", "")
    sections.append({"offset": {"line": offset, "column": 0}, "map": json.load(open(f"dist/{name}.js.map"))})
    code.append(text)
    offset += text.count("\n")
sections.append({"offset": {"line": offset, "column": 0}, "url": "vendor.js.map"})
open("dist/all.js", "w").write("".join(code) + "//# sourceMappingURL=all.js.map\n")
json.dump({"version": 3, "file": "all.js", "sections": sections}, open("dist/all.js.map", "w"))
