"""Sample wheel shipping a web asset with its source map."""
__version__ = "0.1.0"
