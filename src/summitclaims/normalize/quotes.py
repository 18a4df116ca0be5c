from ..text.passages import *  # noqa: F403  # removed at merge: moved to summitclaims.text.passages
from ..text.passages import __all__  # noqa: F401  # removed at merge
