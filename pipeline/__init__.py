"""vnplan: Vietnamese provincial plans into clean text, section trees and contract tables."""

__version__ = "0.1.0"
