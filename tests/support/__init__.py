"""What many test modules share: small warehouses and source files written for a test, the app
served on loopback, headless chromium, running ``migobs`` in-process, reading SDMX back."""
