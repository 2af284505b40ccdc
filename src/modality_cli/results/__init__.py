"""Result models: what each query returns. One model feeds both the JSON
output (:func:`modality_cli.core.plain.plain`) and the Rich view, so the two always
agree. Queries build them from validated entries, so they are not validated
again (:class:`~modality_cli.core.plain.Trusted`).

The models live in one module per group of commands and are imported when first
used (``from modality_cli.results import ModalityList`` imports only the list
answers), so a command does not pay for defining every other command's models.
"""

from typing import TYPE_CHECKING

from modality_cli.core import lazy

if TYPE_CHECKING:  # for type checkers: the same names, imported eagerly
    from modality_cli.results.base import Linked as Linked
    from modality_cli.results.base import Result as Result
    from modality_cli.results.claims import RatedClaim as RatedClaim
    from modality_cli.results.conditions import ConditionDetail as ConditionDetail
    from modality_cli.results.conditions import ConditionList as ConditionList
    from modality_cli.results.conditions import ConditionRow as ConditionRow
    from modality_cli.results.conditions import EvidenceList as EvidenceList
    from modality_cli.results.details import ModalityDetail as ModalityDetail
    from modality_cli.results.entry_details import TechniqueDetail as TechniqueDetail
    from modality_cli.results.entry_details import TheoristDetail as TheoristDetail
    from modality_cli.results.entry_details import TheoryDetail as TheoryDetail
    from modality_cli.results.explore import Comparison as Comparison
    from modality_cli.results.explore import Dimension as Dimension
    from modality_cli.results.explore import Overlap as Overlap
    from modality_cli.results.explore import SearchHit as SearchHit
    from modality_cli.results.explore import SearchResults as SearchResults
    from modality_cli.results.lists import ModalityList as ModalityList
    from modality_cli.results.lists import ModalityRow as ModalityRow
    from modality_cli.results.lists import TechniqueList as TechniqueList
    from modality_cli.results.lists import TechniqueRow as TechniqueRow
    from modality_cli.results.lists import TheoristList as TheoristList
    from modality_cli.results.lists import TheoristRow as TheoristRow
    from modality_cli.results.lists import TheoryList as TheoryList
    from modality_cli.results.lists import TheoryRow as TheoryRow
    from modality_cli.results.pictures import Lineage as Lineage
    from modality_cli.results.pictures import LineageEdge as LineageEdge
    from modality_cli.results.pictures import LineageNode as LineageNode
    from modality_cli.results.pictures import Timeline as Timeline
    from modality_cli.results.pictures import TimelineItem as TimelineItem
    from modality_cli.results.quality import Completeness as Completeness
    from modality_cli.results.quality import DatabaseExport as DatabaseExport
    from modality_cli.results.quality import KindCount as KindCount
    from modality_cli.results.quality import Stats as Stats
    from modality_cli.results.quality import ValidationReport as ValidationReport
    from modality_cli.results.study import Card as Card
    from modality_cli.results.study import CardDeck as CardDeck
    from modality_cli.results.study import Question as Question
    from modality_cli.results.study import Quiz as Quiz

#: Model name -> the module of this package that defines it.
_WHERE: dict[str, str] = {
    "Result": "base",
    "Linked": "base",
    "ModalityRow": "lists",
    "TheoryRow": "lists",
    "TheoristRow": "lists",
    "TechniqueRow": "lists",
    "ModalityList": "lists",
    "TheoryList": "lists",
    "TheoristList": "lists",
    "TechniqueList": "lists",
    "RatedClaim": "claims",
    "ConditionRow": "conditions",
    "ConditionList": "conditions",
    "ConditionDetail": "conditions",
    "EvidenceList": "conditions",
    "ModalityDetail": "details",
    "TheoryDetail": "entry_details",
    "TheoristDetail": "entry_details",
    "TechniqueDetail": "entry_details",
    "Dimension": "explore",
    "Overlap": "explore",
    "Comparison": "explore",
    "SearchHit": "explore",
    "SearchResults": "explore",
    "TimelineItem": "pictures",
    "Timeline": "pictures",
    "LineageNode": "pictures",
    "LineageEdge": "pictures",
    "Lineage": "pictures",
    "Card": "study",
    "CardDeck": "study",
    "Question": "study",
    "Quiz": "study",
    "ValidationReport": "quality",
    "KindCount": "quality",
    "Completeness": "quality",
    "Stats": "quality",
    "DatabaseExport": "quality",
}
__all__ = list(_WHERE)

__getattr__ = lazy.exports(__name__, _WHERE)
