"""Danger read from words and their lemmas: "he punches me", "il me gifle", "locked in", "forced to see clients".

The regular expressions of data/safety/danger.yml catch the phrases people use most; this reader
generalises over the words they are built from. Each message is split into words by spaCy (the
French pipeline `fr_core_news_sm`; English lookup lemmas from `spacy-lookups-data`), and the rules
of data/safety/lexicon.yml are matched on each word as written and as its lemma, lower-cased
without accents. A rule is held back by a negation just before it, by a finished past with
nothing that says now, or when it sits inside a general question ("what should I do if...").
Pure logic: no Rasa imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from bot.normalise import fold

DEFAULT_LEXICON = Path(__file__).resolve().parents[2] / "data" / "safety" / "lexicon.yml"
DEFAULT_GAP = 3
NEGATION_WINDOW = 3
_SENTENCE_END = {".", "!", "?", ";", "\n"}
# A negation does not reach across these: "I don't know where he took me and he locked the door".
_NOT_A_NEGATION = frozenset("mal fort souvent que qu encore en".split())
_CLAUSE_WORDS = frozenset("and but then so because et mais pis puis alors parce donc".split())
# "Nobody is hitting me or locking me in": a negation reaches across "or" to every danger it lists.
# Not when a new subject follows ("he doesn't pay me or he locks me in" is two statements).
_ALTERNATIVES = frozenset("or nor ou ni".split())
# "It's not like they...", "I never said he...": a negation reaches into what is said or thought.
_REPORTING = frozenset("like said say says think thought mean meant believe si que qu dit dis crois pense".split())
_SUBJECTS = frozenset("i he she they we you it je j il elle ils elles on tu nous vous".split())

_NO_TAKEN_BACK = re.compile(
    r"\b(no|non|nah|nan)\W+(?=(serieux|serieusement|seriously|for real|pour vrai|sans blague|jk)\b)"
)

# English contractions written out, so "can't", "cant" and "cannot" all read "can not".
_EN_CONTRACTIONS = [
    (r"\b(can)'?t\b|\bcannot\b", "can not"),
    (r"\bwon'?t\b", "will not"),
    (r"\bain'?t\b", "is not"),
    (r"\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)n'?t\b", r"\1 not"),
    (r"\b(i|you|he|she|we|they|it|that|who|there)'ll\b", r"\1 will"),
    (r"\bi'?m\b", "i am"),
    (r"\b(i|you|he|she|we|they)'d\b", r"\1 would"),
    (r"\b(you|we|they)'re\b", r"\1 are"),
    (r"\b(i|you|we|they)'ve\b", r"\1 have"),
    (r"\b(he|she|it|that|there|who)'s\b", r"\1 is"),
    (r"\b(gonna|gon)\b", "going to"),
    (r"\bwanna\b", "want to"),
]
_EN_CONTRACTIONS_RX = [(re.compile(p), r) for p, r in _EN_CONTRACTIONS]

# Words as texted, written out before any rule reads them.
_TEXTED = [
    # French apostrophes left out: "jai", "quil", "lappart", "menvoyer", "sils", "dune", "cest", "sen vient".
    (r"\bj(ai|avais|etais|aurai|arrive|habite|entends|ecris|essaie|essaye|attends|ecoute|appelle|en|y)\b", r"j'\1"),
    (r"\bqu(il|ils|elle|elles|on)\b", r"qu'\1"),
    (r"\bquelquun\b", "quelqu'un"),
    (r"\bs(il|ils)\b", r"s'\1"),
    (r"\bm(envoy\w*|enferm\w*|attach\w*|attend\w*|oblig\w*|emmen\w*|amen\w*|ont)\b", r"m'\1"),
    (r"\bl(appart\w*|adresse|immigration|eau|hopital|hotel|escalier|ecole|eglise|an|ete|autre|automne|hiver|annee)\b",
     r"l'\1"),
    (r"\bd(une|un|autre|ici|envie|ennui)\b", r"d'\1"),
    (r"\b(cest|c)\b(?= )", "c'est"),
    (r"\bsen (vient|viennent|va|vont|aller|prendre|prend)\b", r"s'en \1"),
    ("\u0153", "oe"),
    ("\u00e6", "ae"),
    # Quebec "à soir" is tonight.
    (r"\ba soir\b", "ce soir"),
    # English: "w his friends", "b4", "tmrw".
    (r"\bw/ ?|\bw (?=(his|her|my|the|a|an|him|them|me|us|friends|men)\b)", "with "),
    (r"\bb4\b", "before"),
    (r"\b(tmrw|tmrow|tmr|2moro|2morrow)\b", "tomorrow"),
    (r"\b(tonite|2nite|2night)\b", "tonight"),
]
_TEXTED_RX = [(re.compile(p), r) for p, r in _TEXTED]


@dataclass(frozen=True)
class Token:
    surface: str
    lemma: str
    end_of_sentence: bool = False
    end_of_clause: bool = False  # a comma follows: a negation before it does not reach past it


class TokenList(list[Token]):
    """A message's tokens, with the matches already computed on them."""

    def __init__(self, items: Iterable[Token] = ()) -> None:
        super().__init__(items)
        self.memo: dict[tuple[int, int], int | None] = {}
        self.possible: dict[int, bool] = {}
        self.words = frozenset(w for t in self for w in (t.surface, t.lemma))
        self.text = " " + " ".join(sorted(self.words))


@dataclass(frozen=True)
class LexiconMatch:
    language: str
    category: str
    rule: str
    words: str


class _Atom:
    """One word of an element: exact, or a stem ending in "*"."""

    def __init__(self, text: str) -> None:
        self.prefix = text.endswith("*")
        self.text = text.rstrip("*")

    def matches(self, token: Token) -> bool:
        if self.prefix:
            return token.surface.startswith(self.text) or token.lemma.startswith(self.text)
        return token.surface == self.text or token.lemma == self.text


def _split_words(text: str, language: str = "") -> list[str]:
    """Words of a lexicon entry, cut the way messages are cut (at spaces and after apostrophes)."""
    text = fold(text).strip()
    if language == "en":
        text = expand_contractions(text)
    return [w.rstrip("'") or w for w in re.split(r"\s+|(?<=')", text) if w and w != "'"]


def expand_contractions(text: str) -> str:
    for rx, repl in _EN_CONTRACTIONS_RX:
        text = rx.sub(repl, text)
    return text


class _Element:
    """Alternatives, each one or more words in a row ("heart attack", "a l'aide").

    Single words are looked up in a set and stems in one regular expression, so that an element
    of forty words costs about as much as one.
    """

    def __init__(self, spec: str, groups: dict[str, str], language: str = "") -> None:
        words: list[list[str]] = []
        self._expand(spec, groups, language, words)
        self.exact = frozenset(w[0] for w in words if len(w) == 1 and not w[0].endswith("*"))
        stems = sorted({w[0][:-1] for w in words if len(w) == 1 and w[0].endswith("*")})
        self.stems = re.compile("|".join(re.escape(x) for x in stems)) if stems else None
        self.phrases = [[_Atom(a) for a in w] for w in words if len(w) > 1]
        # For a quick "could this element match anywhere in the message?" before any matching.
        firsts = [p[0] for p in self.phrases]
        self.any_exact = self.exact | {a.text for a in firsts if not a.prefix}
        stems_any = sorted({x[:-1] for x in (w[0] for w in words if w[0].endswith("*"))})
        self.any_stems = re.compile(r"(?:^| )(?:" + "|".join(re.escape(x) for x in stems_any) + ")") \
            if stems_any else None

    def possible(self, words: frozenset[str], text: str) -> bool:
        """Whether some word of the message could start this element (words as written and lemmas)."""
        if self.any_exact & words:
            return True
        return bool(self.any_stems and self.any_stems.search(text))

    def _expand(self, spec: str, groups: dict[str, str], language: str, out: list[list[str]]) -> None:
        for alt in spec.split("|"):
            alt = alt.strip()
            if alt.startswith("$"):
                self._expand(groups[alt[1:]], groups, language, out)
            elif alt:
                out.append(_split_words(alt, language))

    def _one(self, token: Token) -> bool:
        if token.surface in self.exact or token.lemma in self.exact:
            return True
        return bool(self.stems and (self.stems.match(token.surface) or self.stems.match(token.lemma)))

    def match_at(self, tokens: list[Token], i: int) -> int | None:
        """End index (exclusive) of the longest alternative matching at token i (memoised on the
        message's token list, which is read by a hundred rules)."""
        memo = tokens.memo if isinstance(tokens, TokenList) else None
        if memo is not None:
            key = (id(self), i)
            if key in memo:
                return memo[key]
            memo[key] = self._match_at(tokens, i)
            return memo[key]
        return self._match_at(tokens, i)

    def _match_at(self, tokens: list[Token], i: int) -> int | None:
        best = i + 1 if self._one(tokens[i]) else None
        for alt in self.phrases:
            if i + len(alt) <= len(tokens) and all(a.matches(tokens[i + k]) for k, a in enumerate(alt)):
                if best is None or i + len(alt) > best:
                    best = i + len(alt)
        return best


_ELEMENTS: dict[tuple[str, str, int], _Element] = {}


def _element(spec: str, groups: dict[str, str], language: str) -> _Element:
    """One shared element per spelling, so that its matches are computed once per message."""
    key = (spec.strip(), language, id(groups))
    if key not in _ELEMENTS:
        _ELEMENTS[key] = _Element(spec, groups, language)
    return _ELEMENTS[key]


class Rule:
    """Elements in order, each within `gap` words of the one before, in the same sentence."""

    def __init__(self, text: str, category: str, groups: dict[str, str], language: str = "") -> None:
        self.text, self.category = text, category
        self.negative = False  # set by the lexicon: the rule itself says "not", "never", "pas"...
        parts = re.split(r"\s*~(\d+)\s*", text.strip())
        self.elements = [_element(parts[0], groups, language)]
        self.gaps: list[int] = []
        for k in range(1, len(parts), 2):
            self.gaps.append(int(parts[k]))
            self.elements.append(_element(parts[k + 1], groups, language))

    def possible(self, tokens: TokenList) -> bool:
        """Every element has a word in the message that could start it (cheap, checked first)."""
        for el in self.elements:
            key = id(el)
            if key not in tokens.possible:
                tokens.possible[key] = el.possible(tokens.words, tokens.text)
            if not tokens.possible[key]:
                return False
        return True

    def find(self, tokens: list[Token]) -> Iterable[tuple[int, int, set[int]]]:
        """Every (start, end, indices of the matched words) of this rule in the tokens."""
        if isinstance(tokens, TokenList) and not self.possible(tokens):
            return
        for start in range(len(tokens)):
            end = self.elements[0].match_at(tokens, start)
            if end is None:
                continue
            yield from self._rest(tokens, 1, start, end, set(range(start, end)))

    def _rest(self, tokens: list[Token], k: int, start: int, end: int,
              used: set[int]) -> Iterator[tuple[int, int, set[int]]]:
        if k == len(self.elements):
            yield start, end, used
            return
        for j in range(end, min(len(tokens), end + self.gaps[k - 1] + 1)):
            if any(tokens[m].end_of_sentence for m in range(end - 1, j)):
                break
            nxt = self.elements[k].match_at(tokens, j)
            if nxt is not None:
                yield from self._rest(tokens, k + 1, start, nxt, used | set(range(j, nxt)))
                return


@dataclass
class LanguageLexicon:
    language: str
    rules: list[Rule]
    idioms: re.Pattern[str] | None
    hypothetical: re.Pattern[str] | None
    negation: frozenset[str]
    negation_after: frozenset[str]
    past: re.Pattern[str] | None
    present: re.Pattern[str] | None
    negated: re.Pattern[str] | None = None  # a negation followed by a word of danger
    # "Not a theoretical question, it's me, now": the general question is the person's own.
    really: re.Pattern[str] | None = None


def _alternation(items: list[str] | str | None) -> re.Pattern[str] | None:
    if not items:
        return None
    if isinstance(items, str):
        items = [items]
    return re.compile("|".join(f"(?:{i})" for i in items))


def _negated_danger(negation: str, after: str, words: str | None) -> re.Pattern[str] | None:
    """A negation and, within three words after it, a word of danger ("he isn't violent"), or a
    word of danger and, within two words after it, a negation that follows ("ils nous enferment pas")."""
    if not words:
        return None
    neg = "|".join(re.escape(w) for w in (negation.split() + after.split()))
    danger = "|".join(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in words.split())
    pattern = rf"\b({neg})\b(\W+\w+){{0,3}}?\W+({danger})\b"
    if after.split():
        post = "|".join(re.escape(w) for w in after.split())
        pattern += rf"|\b({danger})\b(\W+\w+){{0,1}}?\W+({post})\b(?! (mal|fort|souvent|que|qu))"
    return re.compile(pattern)


def load_lexicon(path: Path = DEFAULT_LEXICON) -> dict[str, LanguageLexicon]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out = {}
    for lang, spec in data["languages"].items():
        groups = spec.get("groups") or {}
        rules = [Rule(r, cat, groups, lang) for cat, items in (spec.get("entries") or {}).items() for r in items]
        out[lang] = LanguageLexicon(
            lang,
            rules,
            _alternation(spec.get("idioms")),
            _alternation(spec.get("hypothetical")),
            frozenset(_split_words(spec.get("negation", ""))),
            frozenset(_split_words(spec.get("negation_after", ""))),
            _alternation(spec.get("past")),
            _alternation(spec.get("present")),
            _negated_danger(spec.get("negation", ""), spec.get("negation_after", ""), spec.get("danger_words")),
            _alternation(spec.get("really")),
        )
    return out


def _blank(text: str, rx: re.Pattern[str] | None) -> str:
    """The text with every match of rx replaced by spaces (lengths kept)."""
    if rx is None:
        return text
    return rx.sub(lambda m: " " * len(m.group(0)), text)


class Lemmatizers:
    """spaCy's word splitting and lemmas, loaded once: about a millisecond a message."""

    def __init__(self) -> None:
        import spacy

        self.en = spacy.blank("en")
        self.en.add_pipe("lemmatizer", config={"mode": "lookup"})
        self.en.initialize()
        # The parser and named entities are not needed for lemmas, and cost most of the time.
        self.fr = spacy.load("fr_core_news_sm", exclude=["parser", "ner", "senter"])

    def tokens(self, language: str, text: str) -> list[Token]:
        # English contractions are written out for both: an English message is read by both lexicons.
        text = expand_contractions(text)
        doc = self.en(text) if language == "en" else self.fr(text)
        out: list[Token] = []
        for tok in doc:
            surface = fold(tok.text)
            lemma = fold(tok.lemma_ or tok.text).lower()
            if tok.is_space:
                if "\n" in tok.text and out:
                    out[-1] = Token(out[-1].surface, out[-1].lemma, True)
                continue
            if tok.is_punct and surface not in ("'",):
                if out and any(c in _SENTENCE_END for c in surface):
                    out[-1] = Token(out[-1].surface, out[-1].lemma, True)
                elif out and "," in surface:
                    out[-1] = Token(out[-1].surface, out[-1].lemma, out[-1].end_of_sentence, True)
                continue
            # "m'", "l'", "qu'" -> "m", "l", "qu"; "aujourd'hui" stays whole only as a lemma.
            parts = [p for p in re.split(r"(?<=')", surface) if p]
            if len(parts) > 1:
                for p in parts:
                    w = p.rstrip("'") or p
                    out.append(Token(w, w))
                continue
            out.append(Token(surface.rstrip("'") or surface, lemma.rstrip("'") or lemma))
        return out


@lru_cache(maxsize=1)
def default_lemmatizers() -> Lemmatizers:
    return Lemmatizers()


@dataclass(frozen=True)
class Context:
    """What around the danger words changes their meaning, read once for every reader."""

    cleaned: str  # folded text with idioms, jokes and general questions blanked out
    past_resolved: bool  # a finished past and nothing that says now
    blanked: bool  # some idiom or general question was blanked out
    negated: bool  # a negation bears on a word of danger ("isn't violent", "pas en danger")


_WORDS = re.compile(r"[\w']+")


class DangerLexicon:
    def __init__(self, lexicons: dict[str, LanguageLexicon], lemmatizers: Lemmatizers | None = None) -> None:
        self.lexicons = lexicons
        self.lemmatizers = lemmatizers or default_lemmatizers()
        # Either language's negations count: "je suis pas en danger" must not match the English "danger".
        self.negations = frozenset().union(*(lex.negation for lex in lexicons.values()))
        self.negations_after = frozenset().union(*(lex.negation_after for lex in lexicons.values()))
        every = self.negations | self.negations_after
        for lex in lexicons.values():
            for rule in lex.rules:
                rule.negative = any(el.exact & every for el in rule.elements)

    @classmethod
    def from_file(cls, path: Path = DEFAULT_LEXICON) -> DangerLexicon:
        return cls(load_lexicon(path))

    def context(self, text: str) -> Context:
        """Idioms, general questions and a finished past, in every language the lexicon reads."""
        folded = fold(text)
        # "no one" is one negation; "une personne" is someone, not "personne" (nobody).
        folded = re.sub(r"\bno one\b", "noone ", folded)
        folded = re.sub(r"\b(une|la|cette|chaque|quelle|autre) personne\b", lambda m: m.group(1) + " individu", folded)
        # French as texted: "jpeux" "je peux", "chu" "je suis", "il mtue" "il me tue", "il ma frappé".
        folded = re.sub(r"\bj(peux|veux|vais|suis|sais|ai|me)\b", r"je \1", folded)
        folded = re.sub(r"\bchu\b", "je suis", folded)
        folded = re.sub(r"\bm(tue|frappe|bat|suit|cogne|tape|menace|viole|enferme|attache)\b", r"me \1", folded)
        folded = re.sub(r"\b(il|elle|ils|on|y) ma\b", r"\1 m'a", folded)
        folded = re.sub(r"\b(il|elle|ils|elles|on|y) mont\b", r"\1 m'ont", folded)
        for rx, repl in _TEXTED_RX:
            folded = rx.sub(repl, folded)
        # "arrête pas de crier" and "won't stop screaming" say it goes on, not that it stopped.
        folded = re.sub(r"\b(n'?)?arret\w* (pas|jamais|pu) d[e']", "continue de", folded)
        folded = re.sub(r"\b(won'?t|will not|doesn'?t|does not|don'?t|do not) stop (?=\w+ing\b)", "keeps ", folded)
        # "he keeps calling me" is "he is calling me": not "keeps me" (confinement), and still now.
        folded = re.sub(r"\bkeeps? (on )?(?=\w+ing\b)", "is ", folded)
        # "lol non sérieux je suis sur le toit", "no seriously": the "no" takes back a joke, it
        # negates nothing that follows.
        folded = _NO_TAKEN_BACK.sub("", folded)
        cleaned = folded
        really = any(lex.really is not None and lex.really.search(folded) for lex in self.lexicons.values())
        for lex in self.lexicons.values():
            cleaned = _blank(cleaned, lex.idioms)
            if not really:
                cleaned = _blank(cleaned, lex.hypothetical)
        past = any(lex.past is not None and lex.past.search(folded) for lex in self.lexicons.values())
        present = any(lex.present is not None and lex.present.search(folded) for lex in self.lexicons.values())
        expanded = expand_contractions(cleaned)
        negated = any(lex.negated is not None and lex.negated.search(expanded) for lex in self.lexicons.values())
        return Context(cleaned, past and not present, cleaned != folded, negated)

    def negated_before(self, cleaned: str, start: int) -> bool:
        """A negation among the three words before a character offset, in the same sentence."""
        before = expand_contractions(re.split(r"[.!?;,\n]", cleaned[:start])[-1])
        words = [w.rstrip("'") for w in _WORDS.findall(before)[-NEGATION_WINDOW:]]
        while any(w in _CLAUSE_WORDS for w in words):
            words = words[1:]
        return any(w in self.negations for w in words)

    def negated_after(self, cleaned: str, end: int) -> bool:
        """A negation that follows ("il me frappe pas"), within two words, but not "pas mal"."""
        after = _WORDS.findall(re.split(r"[.!?;,\n]", cleaned[end:])[0])[:3]
        for i, w in enumerate(after[:2]):
            if w in self.negations_after and (after[i + 1] if i + 1 < len(after) else "") not in _NOT_A_NEGATION:
                return True
        return False

    def find(self, text: str, languages: Iterable[str] | None = None, first_only: bool = False,
             context: Context | None = None) -> list[LexiconMatch]:
        """Every danger the text states now, in each language's lexicon (first the languages given)."""
        if not text or text.lstrip().startswith("/"):
            return []
        ctx = context or self.context(text)
        if ctx.past_resolved or not ctx.cleaned.strip():
            # "He used to hit me, I left him years ago": nothing about now.
            return []
        found: list[LexiconMatch] = []
        for lang in languages or self.lexicons:
            lex = self.lexicons.get(lang)
            if lex is not None:
                found.extend(self._find(lex, ctx.cleaned, first_only))
                if found and first_only:
                    break
        return found

    def match(self, text: str, languages: Iterable[str] | None = None,
              context: Context | None = None) -> LexiconMatch | None:
        found = self.find(text, languages, first_only=True, context=context)
        return found[0] if found else None

    def _find(self, lex: LanguageLexicon, cleaned: str, first_only: bool = False) -> list[LexiconMatch]:
        tokens = TokenList(self.lemmatizers.tokens(lex.language, cleaned))
        out = []
        for rule in lex.rules:
            for start, end, used in rule.find(tokens):
                if self._negated(tokens, start, end, used, rule):
                    continue
                out.append(LexiconMatch(lex.language, rule.category, rule.text,
                                        " ".join(t.surface for t in tokens[start:end])))
                break
            if out and first_only:
                break
        return out

    def _negated(self, tokens: list[Token], start: int, end: int, used: set[int], rule: Rule) -> bool:
        """A negation word before the match, or between or just after its words when the rule has
        no negation of its own ("pu jamais me réveiller" is a rule; "il me frappe pas" is negated)."""
        before: list[int] = []
        i, reach = start - 1, NEGATION_WINDOW
        while i >= 0 and reach > 0:
            # "they don't give food, fainted twice": the comma closes the negation's clause.
            if tokens[i].end_of_sentence or tokens[i].end_of_clause or tokens[i].surface in _CLAUSE_WORDS:
                break
            if tokens[i].surface in _ALTERNATIVES and i + 1 < start and tokens[i + 1].surface in _SUBJECTS:
                break
            if (i == start - 1 and tokens[i].surface in _SUBJECTS
                    and (i == 0 or tokens[i - 1].surface not in _REPORTING)):
                # "doesn't matter, I won't be here by morning": the rule's own subject opens its clause;
                # a negation before it is about something else ("it's not like they beat us" is not).
                break
            before.append(i)
            reach += NEGATION_WINDOW if tokens[i].surface in _ALTERNATIVES else 0
            i, reach = i - 1, reach - 1
        if rule.negative:
            return any(tokens[i].surface in self.negations for i in before)
        inside = [i for i in range(start, end) if i not in used]
        after = [] if tokens[end - 1].end_of_sentence else list(range(end, min(len(tokens), end + 2)))
        if any(tokens[i].surface in self.negations for i in before + inside):
            return True
        for i in after:
            if tokens[i].surface in self.negations_after:
                nxt = tokens[i + 1].surface if i + 1 < len(tokens) else ""
                # "il me frappe pas mal" (a lot) and "plus fort" (harder) are not negations.
                if nxt not in _NOT_A_NEGATION:
                    return True
        return False


@lru_cache(maxsize=1)
def default_lexicon() -> DangerLexicon:
    return DangerLexicon.from_file()
