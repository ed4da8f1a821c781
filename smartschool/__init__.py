"""Smart School Online: data models, validation and rendering, independent of any site generator."""

__all__ = ["__version__"]
__version__ = "0.1.0"
