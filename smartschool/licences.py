"""The project's licences: MIT for the code (LICENSE), CC BY 4.0 for the lessons, pages and data
(LICENSE-CONTENT.md). Outputs that carry content name the content licence by this address."""

CONTENT_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENSE = "MIT"
