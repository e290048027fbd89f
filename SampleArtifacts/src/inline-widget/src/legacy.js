// A file that once had a map; the map was dropped from the package but the comment was not.
exports.legacy = function legacy() {
  return 1;
};
//# sourceMappingURL=legacy.js.map
