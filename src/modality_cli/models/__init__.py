"""Pydantic models of the knowledge-base file (``data/modalities.json``).

These describe the *shape* of one file. Checks that need the whole file
(unique ids, references that resolve, lineage cycles) live in
:mod:`modality_cli.kb.integrity`.

Each kind of entry has a module of its own, imported when first used
(``from modality_cli.models import Theorist`` defines the theorist model and
what it builds on, not the others), so a command defines only the models of
the entries it reads.
"""

from typing import TYPE_CHECKING

from modality_cli.core import lazy

if TYPE_CHECKING:  # for type checkers: the same names, imported eagerly
    from modality_cli.models.base import EARLIEST_YEAR as EARLIEST_YEAR
    from modality_cli.models.base import LONGEST_LIFE as LONGEST_LIFE
    from modality_cli.models.base import Entry as Entry
    from modality_cli.models.base import Misconception as Misconception
    from modality_cli.models.base import Slug as Slug
    from modality_cli.models.base import Text as Text
    from modality_cli.models.base import Year as Year
    from modality_cli.models.condition import Condition as Condition
    from modality_cli.models.condition import ConditionGroup as ConditionGroup
    from modality_cli.models.file import KnowledgeFile as KnowledgeFile
    from modality_cli.models.modality import EvidenceClaim as EvidenceClaim
    from modality_cli.models.modality import Family as Family
    from modality_cli.models.modality import Format as Format
    from modality_cli.models.modality import Modality as Modality
    from modality_cli.models.modality import Population as Population
    from modality_cli.models.modality import Structure as Structure
    from modality_cli.models.modality import TimeOrientation as TimeOrientation
    from modality_cli.models.source import Source as Source
    from modality_cli.models.source import SourceKind as SourceKind
    from modality_cli.models.technique import Technique as Technique
    from modality_cli.models.theorist import Theorist as Theorist
    from modality_cli.models.theory import Theory as Theory

#: Name -> the module of this package that defines it.
_WHERE: dict[str, str] = {
    "EARLIEST_YEAR": "base",
    "LONGEST_LIFE": "base",
    "Slug": "base",
    "Text": "base",
    "Year": "base",
    "Misconception": "base",
    "Entry": "base",
    "Theorist": "theorist",
    "Theory": "theory",
    "Technique": "technique",
    "Family": "modality",
    "TimeOrientation": "modality",
    "Structure": "modality",
    "Format": "modality",
    "EvidenceClaim": "modality",
    "Modality": "modality",
    "Population": "modality",
    "Condition": "condition",
    "ConditionGroup": "condition",
    "SourceKind": "source",
    "Source": "source",
    "KnowledgeFile": "file",
}
__all__ = list(_WHERE)

__getattr__ = lazy.exports(__name__, _WHERE)
