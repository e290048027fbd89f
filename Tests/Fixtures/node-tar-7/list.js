// Lists the regular files node-tar 7's Parser hands to Unpack (path and header size), as JSON, for the tar named by
// argv[3], using the transpiled node-tar in the folder argv[2]. minipass and minizlib come from npm's own
// node_modules (NODE_PATH).
const { Parser } = require(require('path').resolve(process.argv[2], 'parse.js'))
const fs = require('fs')
const files = []
const parser = new Parser({
  onReadEntry: entry => {
    if (['File', 'OldFile', 'ContiguousFile'].includes(entry.type)) {
      files.push({ path: entry.path, size: entry.header.size ?? 0 })
    }
    entry.resume()
  },
})
parser.on('end', () => console.log(JSON.stringify(files)))
parser.end(fs.readFileSync(process.argv[3]))
