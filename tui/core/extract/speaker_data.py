"""Word lists for speaker resolution (data, kept out of the logic)."""

from __future__ import annotations

# A role a text uses for a person it has named with a title: "the governor" is the person
# written "Gov. Mike Pence" before. Role (lower case) -> titles written before the name.
ROLE_TITLES: dict[str, tuple[str, ...]] = {
    "president": ("President", "Pres."),
    "governor": ("Gov.", "Governor", "Gov"),
    "senator": ("Sen.", "Senator", "Sen"),
    "congressman": ("Rep.", "Representative", "Congressman", "Rep"),
    "congresswoman": ("Rep.", "Representative", "Congresswoman", "Rep"),
    "lawmaker": ("Rep.", "Representative", "Sen.", "Senator"),
    "speaker": ("Speaker",),
    "mayor": ("Mayor",),
    "secretary": ("Secretary",),
    "minister": ("Minister",),
    "justice": ("Justice",),
    "judge": ("Judge",),
    "chairman": ("Chairman",),
    "chairwoman": ("Chairwoman",),
    "sheriff": ("Sheriff",),
    "candidate": (),
    "senator-elect": ("Sen.-elect",),
    "ambassador": ("Ambassador",),
    "general": ("Gen.", "General"),
    "prosecutor": ("Prosecutor",),
    "leader": ("Leader",),
}

# Bylines and credits: they name people but report no statement of theirs.
CREDIT_PATTERN = (
    r"^\W*by\s+(?-i:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"The|Then|Now|Law)\b)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*(?:$|[,|;/—–-]|and\s)"
    r"|^\W*(?:reporting by|additional reporting by|editing by|edited by|writing by|"
    r"compiled by|photos? by|video by|graphics by)\s"
    r"|\b(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)"
    r"|\breported\s+from\b|^\W*(?:reporter|correspondent|staff writer)\b"
)

# Last words of organisation names that take "of": "Bank of America", "Conference of Catholic
# Bishops". A name ending otherwise before "of" is a person and a place: "Rick Perry of Texas".
ORG_HEADS = frozenset(
    str.split(
        "university college school conference association society foundation center centre "
        "house chamber league federation corporation church academy museum institute bank "
        "department ministry office council commission committee union board court agency "
        "service bureau authority administration secretary minister director president chief "
        "head governor mayor chancellor state states republic kingdom province city county "
        "district party army navy force forces people friends sons daughters sisters brothers"
    )
)

# Evidence of whom "he" or "she" can stand for: a title before the name, or a noun in
# apposition after it ("Lena Ortiz, the chairwoman, ..."). Pronoun -> words.
GENDER_TITLES: dict[str, frozenset[str]] = {
    "she": frozenset(("Ms.", "Ms", "Mrs.", "Mrs", "Miss", "Madam", "Lady", "Dame")),
    "he": frozenset(("Mr.", "Mr", "Sir", "Lord")),
}
GENDER_NOUNS: dict[str, tuple[str, ...]] = {
    "she": tuple(
        str.split(
            "congresswoman chairwoman spokeswoman businesswoman councilwoman actress wife "
            "mother daughter sister grandmother widow queen princess duchess girlfriend"
        )
    ),
    "he": tuple(
        str.split(
            "congressman chairman spokesman businessman councilman actor husband father son "
            "brother grandfather widower king prince duke boyfriend"
        )
    ),
}

# Verbs that report speech after their subject ("X said", "X warned", "X tweeted").
SPEECH_VERBS = (
    *str.split(
        "said says told tells added adds stated states noted notes explained warned warns argued "
        "argues insisted insists claimed claims announced announces wrote writes asked replied "
        "confirmed confirms denied denies declared maintained stressed emphasised emphasized "
        "observed remarked acknowledged admitted commented tweeted posted estimated predicted "
        "revealed disclosed suggested reported recalled continued indicated asserted contended "
        "conceded complained responded testified boasted bragged vowed pledged cautioned "
        "countered joked lamented reiterated reasoned urged promised"
    ),
    "pointed out",
)
# Verbs of naming: speech only with a quotation after them ('called it "a stunt"').
NAMING_VERBS = ("called", "described", "labeled", "labelled", "dubbed", "termed")
