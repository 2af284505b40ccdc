"""modality: a terminal explorer of psychotherapy modalities.

Educational information, not clinical advice.
"""

__version__ = "0.1.0"
