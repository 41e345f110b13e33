"""What both faces share, one floor below them: dependencies, the error shape and handlers,
caching, results kept per build, list answers. Imports: renderers, domain and below; never
``migobs.api`` or ``migobs.web``."""
