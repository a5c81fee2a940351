"""Token ids of a message as spaCy's tokenizer gives them, from a cache of its space-separated pieces.

spaCy tokenizes each piece between single spaces on its own (and caches it), but still builds a Doc,
with its Python-level span and category containers, for every message; the bag-of-words model
needs only the ids. So the ids of each piece are kept here, and a message whose pieces are all
known is read from them. Two things can make a piece read differently in a message than alone,
and both send the message to the real tokenizer: whitespace other than single spaces (it makes
tokens of its own), and a special case ("and/or", "he's"...) whose tokens could run across a space.
"""
from __future__ import annotations

from itertools import chain

from spacy.tokenizer import Tokenizer

_MAX_PIECES = 200_000  # a bound on the cache, far above the words residents use


class PieceTokens:
    """ORTH ids of texts, the same as [t.orth for t in nlp.make_doc(text)], or None where unsure."""

    def __init__(self, nlp):
        tokenizer = nlp.tokenizer
        self.tokenizer = tokenizer
        self.max_length = nlp.max_length
        # Pieces that start with a token no special case has after another one, and the rest.
        self.plain: dict[str, tuple] = {}
        self.edged: dict[str, tuple] = {}
        # spaCy re-reads each special case as its prefixes, suffixes and infixes split it, and looks
        # for those token sequences across the whole doc: pairs of neighbours in them are what
        # could straddle a space.
        bare = Tokenizer(nlp.vocab, rules={}, prefix_search=tokenizer.prefix_search,
                         suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                         token_match=tokenizer.token_match, url_match=tokenizer.url_match)
        pairs = set()
        for rule in tokenizer.rules:
            orths = [token.orth for token in bare(rule)]
            pairs.update(zip(orths, orths[1:]))
        self.pairs = pairs
        self.rights = frozenset(right for _, right in pairs)

    def _piece(self, piece: str) -> tuple:
        ids = tuple(token.orth for token in self.tokenizer(piece))
        if len(self.plain) + len(self.edged) >= _MAX_PIECES:
            self.plain.clear()
            self.edged.clear()
        if ids[0] in self.rights:
            self.edged[piece] = ids
        else:
            self.plain[piece] = ids
        return ids

    def ids(self, text: str) -> list[int] | None:
        """The token ids of `text`, or None when only the tokenizer itself can say."""
        pieces = text.split(" ")
        # No empty pieces (two spaces, a space at an end) and no other whitespace; a printable text
        # has no whitespace but the space, so the slower test is only for the others.
        clean = "" not in pieces and (text.isprintable() or len(pieces) == len(text.split()))
        if not clean or len(text) > self.max_length:
            return None
        found = list(map(self.plain.get, pieces))
        if None not in found:  # most messages: every piece known, none a special case may join to the last
            return list(chain.from_iterable(found))
        ids: list[int] = []
        for piece in pieces:
            piece_ids = self.plain.get(piece) or self.edged.get(piece) or self._piece(piece)
            if ids and (ids[-1], piece_ids[0]) in self.pairs:
                return None
            ids += piece_ids
        return ids
