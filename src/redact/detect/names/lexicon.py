"""Two-character words from jieba's dictionary (MIT, shipped with the package, read offline).

Names are hard to tell from words by their characters alone (国家 starts with the surname 国,
夫人 with 夫). A word that the dictionary knows as a common non-name word is not a name, and a
surname character inside such a word does not start one. Loaded once per process (~0.5 s).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

#: jieba part-of-speech tags of person names (海燕, 秀英 are given names too).
NAME_TAGS = ("nr", "z")
#: Proper nouns (共和, 建国, 建华): words at a name's edge, but also common inside given names.
PROPER_TAGS = ("ns", "nz", "nt")


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[int, bool]]:
    """bigram → (frequency, is a proper noun), for frequent non-name words."""
    import jieba

    out: dict[str, tuple[int, bool]] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 2 and not parts[2].startswith(NAME_TAGS):
                freq = int(parts[1])
                if freq >= 50:
                    out[parts[0]] = (freq, parts[2].startswith(PROPER_TAGS))
    return out


def is_common_word(bigram: str, min_freq: int = 50, proper_nouns: bool = False) -> bool:
    """A frequent two-character word that is not a name (全国, 国家, 夫人, 三次; 共和 with proper_nouns)."""
    freq, proper = _words().get(bigram, (0, False))
    return freq >= min_freq and (proper_nouns or not proper)


def common_words() -> frozenset[str]:
    return frozenset(w for w, (_f, proper) in _words().items() if not proper)



#: jieba tags many everyday words as names (王朝, 胡同, 谢谢, 师傅 are ``nr``); above this frequency a
#: two-character entry is read as a word whatever its tag.
FREQUENT = 1000


@lru_cache(maxsize=1)
def _entries() -> dict[str, int]:
    """bigram → frequency for every two-character entry of jieba's dictionary, any tag."""
    import jieba

    out: dict[str, int] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 2:
                out[parts[0]] = max(out.get(parts[0], 0), int(parts[1]))
    return out


def is_frequent_word(bigram: str) -> bool:
    """A very frequent two-character dictionary entry, names included (王朝, 胡同, 普通, 韩国)."""
    return _entries().get(bigram, 0) >= FREQUENT


def is_dictionary_word(bigram: str, min_freq: int = 100) -> bool:
    """Any two-character dictionary entry of at least ``min_freq`` (明珠 is tagged as a name, still a word)."""
    return _entries().get(bigram, 0) >= min_freq
