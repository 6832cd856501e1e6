"""Name normalisation shared by the gazetteer and the actor registry.

`fold` maps the spellings that conflict news mixes freely onto one key: accents, case,
apostrophes and ayn/hamza marks, hyphens, and the Arabic article (al-, el-, ad-, as-, ash-, ar-...).
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u0060\u00b4]")
_NON_WORD = re.compile(r"[^\w]+")
_ARTICLE = re.compile(r"\b(?:al|el|ad|as|ash|ar|an|at|az|adh|ath|ed|er|es|ez|et|en|ud|ul)\s+(?=\w)")


# Latin letters that carry no combining mark to strip: 'Diyarbakır' -> 'Diyarbakir', 'Łódź' -> 'Lodz'.
_LATIN_LETTERS = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                                "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})


def strip_accents(text: str) -> str:
    """Remove diacritics: 'Dayr az Zawr' from 'Dayr az Zawr', 'Tūz' -> 'Tuz', 'Şırnak' -> 'Sirnak'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str, drop_articles: bool = True) -> str:
    """A lookup key for a name: casefolded, accent-free, punctuation as spaces, Arabic articles dropped."""
    key = strip_accents(text).casefold()
    key = APOSTROPHES.sub("", key)
    key = _NON_WORD.sub(" ", key).replace("_", " ")
    key = " ".join(key.split())
    if drop_articles:
        key = _ARTICLE.sub("", key)
    return key
