"""What both faces share, one floor below them: dependencies, the error shape and handlers,
caching, results kept per build, list answers. Imports: renderers, domain and below; never
``migobs.api`` or ``migobs.web``.

Importing the package registers the path convertors of :mod:`migobs.http.paths` (``{kind:kind}``),
so that both faces' routes may use them.
"""

from migobs.http import paths as paths
