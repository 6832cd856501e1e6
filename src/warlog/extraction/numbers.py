"""Read counts from news English: digits ("7", "1,200"), number words ("twenty-one"), articles ("a soldier")
and vague quantifiers, shared by casualty counts and weapon counts.

Vague quantifiers follow ACLED's conservative coding rule: "several"/"many" count as 10, "dozens" as 12 and
"hundreds" as 100; a range ("4-7", "between four and seven") counts as its lower end.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "a": 1, "an": 1, "one": 1, "another": 1, "single": 1, "lone": 1, "two": 2, "both": 2,
    "pair": 2, "couple": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE_COUNTS = {
    "several": 10, "many": 10, "numerous": 10, "multiple": 10, "dozens": 12, "scores": 20,
    "hundreds": 100, "thousands": 1000,
}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_RANGE = re.compile(r"^(\d+)\s*(?:-|–|to)\s*(\d+)$")
_SPLIT = re.compile(r"[\s-]+")


def parse_number(text: str) -> int | None:
    """The integer a number expression means ("12", "1,200", "twenty-one", "a dozen", "4-7" -> 4), else None."""
    words = text.strip().casefold()
    if not words:
        return None
    if _DIGITS.match(words):
        return int(words.replace(",", ""))
    if match := _RANGE.match(words):
        return min(int(match.group(1)), int(match.group(2)))
    if words in VAGUE_COUNTS:
        return VAGUE_COUNTS[words]
    total, current, seen = 0, 0, False
    for word in _SPLIT.split(words):
        if word in ("and", ""):
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] > 100:
                total, current = total + current, 0
        elif _DIGITS.match(word):
            current += int(word.replace(",", ""))
        else:
            return None
        seen = True
    return total + current if seen else None


def _token_number(token: Token) -> int | None:
    """The number one token means on its own, if any."""
    word = token.lower_
    return parse_number(token.text) if (token.like_num or word in _UNITS or word in VAGUE_COUNTS) else None


_SINGULAR_DETERMINERS = {"a", "an", "one", "the", "this", "that", "another"}
_RANGE_WORDS = {"-", "–", "to", "and"}
_SCAN_THROUGH_ADP = {"between", "about", "around", "nearly", "almost", "over", "approximately", "least", "at"}


def count_of(noun: Token, vague: bool = True, singular: bool = True) -> int | None:
    """How many things a noun phrase counts: its number modifier ("two rockets" -> 2, "at least 7 people" -> 7),
    a singular determiner ("a soldier" -> 1), or a number used as the noun itself ("killing two" -> 2).
    With `vague` False, vague quantifiers ("several rockets") count nothing; with `singular` False, neither
    does a determiner (for collective nouns: "a large number")."""
    if not vague and any(token.lower_ in VAGUE_COUNTS for token in noun.doc[max(noun.i - 3, 0) : noun.i + 1]):
        return None
    if noun.lower_ not in ("a", "an", "no", "none"):
        own = _token_number(noun)
        if own is not None:
            return _range_value(noun)
    for child in noun.lefts:
        if child.dep_ in ("nummod", "quantmod") or child.like_num:
            value = _range_value(child)
            if value is not None:
                return value
    value = _scan_left(noun)
    if value is not None:
        return value
    if singular and noun.tag_ in ("NN", "NNP") and any(child.lower_ in _SINGULAR_DETERMINERS for child in noun.lefts):
        return 1
    return None


def _range_value(token: Token) -> int | None:
    """The value of a number token, taking the lower end when it closes a range ("3-5", "3 to 5");
    a hyphenated number word ("thirty-eight") is one number."""
    doc, start = token.doc, token.i
    if start - 2 >= token.sent.start and doc[start - 1].text == "-" and doc[start - 2].lower_ in _TENS:
        return parse_number(doc[start - 2 : start + 1].text)
    while start - 2 >= token.sent.start and doc[start - 1].lower_ in _RANGE_WORDS and doc[start - 2].like_num:
        start -= 2
    return _token_number(doc[start])


def _scan_left(noun: Token) -> int | None:
    """The first number in the few words before a noun ("between 3-5 fighters"), when the parse lost it."""
    doc = noun.doc
    for index in range(noun.i - 1, max(noun.sent.start, noun.i - 5) - 1, -1):
        token = doc[index]
        if token.like_num or token.lower_ in VAGUE_COUNTS:
            following = doc[token.i + 1 : token.i + 3]
            if len(following) == 2 and following[0].text == "-" and not following[1].like_num:
                return None
            return _range_value(token)
        if token.pos_ in ("VERB", "AUX", "CCONJ", "PRON"):
            return None
        if token.pos_ == "ADP" and token.lower_ not in _SCAN_THROUGH_ADP:
            return None
        if token.is_punct and token.text not in ("-", "–"):
            return None
    return None
