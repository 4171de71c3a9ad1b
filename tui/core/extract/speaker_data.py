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
    r"^\W*(?:by|reporting by|additional reporting by|editing by|edited by|writing by|"
    r"compiled by|photos? by|video by|graphics by)\s"
    r"|\b(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)"
    r"|\breported\s+from\b|^\W*(?:reporter|correspondent|staff writer)\b"
)
