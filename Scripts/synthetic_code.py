"""Deterministic code-like text for the benchmark generators, compressing like real source (gzip -6 about 3.5-4x on
TypeScript-like lines, about 1.6x on VLQ mappings) so decompression costs what it costs on real packages.

Lines come from a pool much larger than deflate's 32 KiB window, built from a Zipf-weighted identifier vocabulary,
keywords, punctuation and literals (with JSON-escaped characters and non-ASCII, as real code has).
"""
import random

WORDS = ("get set user config stream buffer message tool result options value request response session token "
         "state render props item list index count error handle parse format read write file path node module "
         "cache query update delete create input output event listener callback promise async context model "
         "schema prompt command args flag status id name key data text line column offset range map entry "
         "source target child parent root tree visit emit load save open close start stop init reset").split()
KEYWORDS = ("const let var return if else await async function export import from new this true false null "
            "undefined typeof case break for of in while throw try catch class extends interface type").split()
PUNCTUATION = "( ) { } [ ] ; , . => = === !== + - * && || ? : < > ++ !".split()
ODD_STRINGS = ['"quoted"', "'single'", "'\\n'", "'é'", "'→'", "'😀'", "'\\t'", "'path\\\\to'", "`tpl ${x}`"]
BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def identifiers(rng, count):
    """`count` camelCase identifiers and Zipf weights (a few are very common, most are rare)."""
    names = []
    for _ in range(count):
        parts = [rng.choice(WORDS) for _ in range(rng.randrange(1, 4))]
        name = parts[0] + "".join(part.capitalize() for part in parts[1:])
        if rng.random() < 0.3:
            name += str(rng.randrange(100))
        names.append(name)
    return names, [1.0 / (rank + 1) ** 1.05 for rank in range(count)]


def line_pool(rng, size=65536, indent=True):
    """`size` distinct-looking lines averaging ~42 characters."""
    names, weights = identifiers(rng, 20000)
    cumulative = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    pool = []
    for _ in range(size):
        words = []
        for _ in range(rng.randrange(1, 11)):
            if rng.random() < 0.45:
                words.append(rng.choices(names, cum_weights=cumulative)[0])
            else:
                words.append(non_identifier(rng))
        prefix = " " * (2 * rng.randrange(0, 5)) if indent else ""
        pool.append(prefix + " ".join(words))
    return pool


def non_identifier(rng):
    """A keyword, punctuation, number or string literal, in rough real-code proportions."""
    roll = rng.random()
    if roll < 0.27:
        return rng.choice(KEYWORDS)
    if roll < 0.82:
        return rng.choice(PUNCTUATION)
    if roll < 0.93:
        return str(rng.randrange(1 << rng.randrange(1, 31)))
    if roll < 0.97:
        return "'" + " ".join(rng.choices(WORDS, k=rng.randrange(1, 5))) + "'"
    return rng.choice(ODD_STRINGS)


def vlq(value):
    """One Base64 VLQ number, as in source map `mappings`."""
    number = (-value << 1) | 1 if value < 0 else value << 1
    out = ""
    while True:
        digit = number & 31
        number >>= 5
        if number:
            digit |= 32
        out += BASE64[digit]
        if not number:
            return out


def mappings(rng, segments, per_line=40):
    """A `mappings` string of `segments` realistic four-field segments, `per_line` per generated line."""
    pool = [vlq(rng.randrange(0, 80)) + vlq(rng.randrange(-3, 4)) + vlq(rng.randrange(-40, 41))
            + vlq(rng.randrange(-60, 61)) for _ in range(50000)]
    chosen = rng.choices(pool, k=segments)
    return ";".join(",".join(chosen[start:start + per_line]) for start in range(0, segments, per_line))
