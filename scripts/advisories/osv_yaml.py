# SPDX-License-Identifier: Apache-2.0
"""The YAML subset PyPA advisory records use, every scalar kept as a string ("1.10" stays "1.10").

Block mappings and sequences, plain, single- and double-quoted scalars (also over several lines), block scalars
(| and >), empty flow collections ([] and {}) and simple flow sequences. Standard library only.
"""
import re

KEY = re.compile(r"^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?:\s+|$)(.*)$")


def loads(text):
    lines = [(len(l) - len(l.lstrip(" ")), l.strip()) for l in text.splitlines()]
    value, _ = _block(lines, _skip(lines, 0), 0)
    return value


def _skip(lines, i):
    while i < len(lines) and (not lines[i][1] or lines[i][1].startswith("#")):
        i += 1
    return i


def _block(lines, i, indent):
    if i >= len(lines):
        return None, i
    if lines[i][1] == "-" or lines[i][1].startswith("- "):
        return _sequence(lines, i, lines[i][0])
    return _mapping(lines, i, lines[i][0])


def _sequence(lines, i, indent):
    out = []
    while i < len(lines) and lines[i][0] == indent and (lines[i][1] == "-" or lines[i][1].startswith("- ")):
        rest = lines[i][1][2:].strip()
        if not rest:
            value, i = _block(lines, _skip(lines, i + 1), indent + 1)
        elif KEY.match(rest) and not rest.startswith(("'", '"')):
            lines[i] = (indent + 2, rest)
            value, i = _mapping(lines, i, indent + 2)
        else:
            value, i = _scalar(lines, i, rest, indent)
        out.append(value)
        i = _skip(lines, i)
    return out, i


def _mapping(lines, i, indent):
    out = {}
    while i < len(lines) and lines[i][0] == indent:
        m = KEY.match(lines[i][1])
        if not m:
            raise ValueError(f"line {i + 1}: expected 'key: value'")
        key, rest = m.group(1), m.group(2).strip()
        if rest and not rest.startswith("#"):
            out[key], i = _scalar(lines, i, rest, indent)
        else:
            j = _skip(lines, i + 1)
            nested = j < len(lines) and (lines[j][0] > indent or (lines[j][0] == indent and lines[j][1].startswith("- ")))
            if not nested:
                out[key], i = None, j
            elif lines[j][1].startswith("- ") or lines[j][1] == "-" or KEY.match(lines[j][1]):
                out[key], i = _block(lines, j, indent)
            else:
                out[key], i = _scalar(lines, j, lines[j][1], indent)
        i = _skip(lines, i)
    return out, i


def _scalar(lines, i, rest, indent):
    if rest in ("|", ">", "|-", ">-", "|+", ">+"):
        j = i + 1
        body = []
        while j < len(lines) and (not lines[j][1] or lines[j][0] > indent):
            body.append(lines[j][1])
            j += 1
        return "\n".join(body).strip() + "\n", j
    if rest[0] in "\"'":
        return _quoted(lines, i, rest)
    if rest == "[]":
        return [], i + 1
    if rest == "{}":
        return {}, i + 1
    if rest.startswith("[") and rest.endswith("]"):
        return [p.strip().strip("\"'") for p in rest[1:-1].split(",") if p.strip()], i + 1
    parts = [rest]
    j = i + 1
    while j < len(lines) and lines[j][1] and lines[j][0] > indent and not KEY.match(lines[j][1]):
        parts.append(lines[j][1])
        j += 1
    return " ".join(parts), j


def _quoted(lines, i, rest):
    quote = rest[0]
    text = rest[1:]
    j = i
    while True:
        end = _closing(text, quote)
        if end >= 0:
            return _unescape(text[:end], quote), j + 1
        j += 1
        if j >= len(lines):
            raise ValueError(f"line {i + 1}: unterminated quoted scalar")
        text += " " + lines[j][1]


def _closing(text, quote):
    k = 0
    while k < len(text):
        if quote == '"' and text[k] == "\\":
            k += 2
            continue
        if text[k] == quote:
            if quote == "'" and k + 1 < len(text) and text[k + 1] == "'":
                k += 2
                continue
            return k
        k += 1
    return -1


def _unescape(s, quote):
    if quote == "'":
        return s.replace("''", "'")
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
